package com.draftorders.benchmark;

import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, as written to the JSON file. */
record Results(
        String startedAt,
        Map<String, Object> machine,
        String target,
        List<String> arguments,
        Ceiling.Result ceiling,
        List<Calibration> calibration,
        List<Row> summary,
        List<Loads.Run> runs,
        Map<String, Object> spotCheck) {

    /**
     * How many records one completion writes, counted from the topics' end offsets around a batch of completions
     * on an otherwise idle stack (all catalog topics and dead-letter topics; Kafka requests included).
     */
    record Calibration(
            String via,
            long completions,
            long records,
            double messagesPerCompletion,
            Map<String, Long> recordsByTopic,
            double meanValueBytes,
            List<Traffic.Hop> hops) {}

    /** One line of the summary table. Latencies in ms; CPU in cores; memory in MB. */
    record Row(
            String run,
            String mode,
            String via,
            String load,
            double completionsPerSecond,
            double p50,
            double p95,
            double p99,
            double max,
            long succeeded,
            long failed,
            long timedOut,
            Double messagesPerCompletion,
            Double ratioToCeiling,
            Double stackCpuCores,
            Double kafkaCpuCores,
            Double registryCpuCores,
            Double otherCores,
            double loadAverage,
            Double stackHeapUsedMb,
            Double stackHeapAfterGcMb,
            Double kafkaRssMb) {

        /** CPU milliseconds per completion summed over the stack's processes (JVM, broker, registry). */
        public Double cpuMillisPerCompletion() {
            if (stackCpuCores == null || completionsPerSecond <= 0) {
                return null;
            }
            double cores = stackCpuCores
                    + (kafkaCpuCores == null ? 0 : kafkaCpuCores)
                    + (registryCpuCores == null ? 0 : registryCpuCores);
            return cores * 1000 / completionsPerSecond;
        }
    }
}
