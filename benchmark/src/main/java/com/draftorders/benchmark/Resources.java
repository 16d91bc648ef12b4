package com.draftorders.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU and memory of every process of the system over a window: this JVM (the four services and the embedded
 * MongoDB server when the stack is embedded, plus the benchmark's own clients) from its MXBeans, and the Kafka
 * broker and the registry (child JVMs) from {@code /proc} and {@code jstat}. Within this JVM, CPU is also split
 * by thread (grouped by name), which shows where the time goes.
 */
final class Resources {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> processes;

    Resources(Map<String, Long> processes) {
        this.processes = processes;
    }

    /**
     * @param cpuCores mean cores busy (1.0 = one core fully used)
     * @param cpuPercentOfMachine share of all the machine's cores
     * @param heapUsedMb heap in use at the end of the window (null: unknown)
     * @param heapAfterGcMb lowest heap after a collection in the window (this JVM only; null: unknown)
     * @param heapCommittedMb heap the JVM has reserved from the OS (null: unknown)
     * @param gcPauseMillis time in collections during the window (this JVM only)
     */
    record ProcessUsage(
            String name,
            long pid,
            double cpuCores,
            double cpuPercentOfMachine,
            Double rssMb,
            Double heapUsedMb,
            Double heapAfterGcMb,
            Double heapCommittedMb,
            Long gcPauseMillis) {}

    /** CPU of this JVM's threads with the same name (numbers stripped), e.g. every service's relay thread. */
    record ThreadUsage(String threads, int count, double cpuSeconds, double cpuCores) {}

    /**
     * @param machineBusyCores cores busy on the whole machine, all processes (other users' included)
     * @param otherCores cores busy in processes not listed here: other work on the machine disturbing the figures
     * @param loadAverage the machine's one-minute load average at the end
     */
    record Usage(
            double seconds,
            List<ProcessUsage> processes,
            Double machineBusyCores,
            Double otherCores,
            double loadAverage,
            List<ThreadUsage> topThreads) {

        ProcessUsage process(String name) {
            return processes.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Starts measuring. */
    Window start() {
        return new Window();
    }

    final class Window {
        private final long wallStart = System.nanoTime();
        private final long selfCpuStart = OS.getProcessCpuTime();
        private final Map<String, Long> childCpuStart = new HashMap<>();
        private final Map<Long, Long> threadCpuStart = threadCpu();
        private final long[] machineStart = ProcFs.machineTicks();
        private final Map<String, Long> tasksStart =
                ProcFs.taskCpuNanos(ProcessHandle.current().pid());

        private Window() {
            GcWatcher.get(); // listening from now on
            processes.forEach((name, pid) -> ProcFs.cpuNanos(pid).ifPresent(cpu -> childCpuStart.put(name, cpu)));
        }

        Usage stop() {
            return stop(true);
        }

        /** Ends the window; {@code jvmHeaps} asks the child JVMs for their heap (jstat: a short JVM of its own). */
        Usage stop(boolean jvmHeaps) {
            long wall = System.nanoTime() - wallStart;
            long selfCpu = OS.getProcessCpuTime() - selfCpuStart;
            var gc = GcWatcher.get().since(wallStart);
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            Map<Long, Long> threadCpuEnd = threadCpu();
            Map<String, Long> childCpu = new HashMap<>();
            processes.forEach((name, pid) -> ProcFs.cpuNanos(pid).ifPresent(cpu -> childCpu.put(name, cpu)));

            List<ProcessUsage> usage = new ArrayList<>();
            long self = ProcessHandle.current().pid();
            // the embedded stack shares this JVM with the benchmark's own clients: their threads are not the stack's
            long clientsCpu = clientThreadsCpu(threadCpuStart, threadCpuEnd);
            long stackCpu = Math.max(0, selfCpu - clientsCpu);
            usage.add(new ProcessUsage(
                    "stack-jvm",
                    self,
                    cores(stackCpu, wall),
                    percent(stackCpu, wall),
                    mb(ProcFs.rssBytes(self).orElse(-1)),
                    mb(heap.getUsed()),
                    gc.minAfterGc() < 0 ? null : mb(gc.minAfterGc()),
                    mb(heap.getCommitted()),
                    gc.pauseMillis()));
            usage.add(new ProcessUsage(
                    "benchmark-clients",
                    self,
                    cores(clientsCpu, wall),
                    percent(clientsCpu, wall),
                    null,
                    null,
                    null,
                    null,
                    null));
            processes.forEach((name, pid) -> {
                Long start = childCpuStart.get(name);
                Long end = childCpu.get(name);
                long cpu = start == null || end == null ? 0 : end - start;
                long[] jvm = jvmHeaps ? jstatHeap(pid) : null;
                usage.add(new ProcessUsage(
                        name,
                        pid,
                        cores(cpu, wall),
                        percent(cpu, wall),
                        mb(ProcFs.rssBytes(pid).orElse(-1)),
                        jvm == null ? null : mb(jvm[0]),
                        null,
                        jvm == null ? null : mb(jvm[1]),
                        null));
            });
            long[] machineEnd = ProcFs.machineTicks();
            Double machine = null;
            Double other = null;
            if (machineStart != null && machineEnd != null && machineEnd[1] > machineStart[1]) {
                double busyShare = (machineEnd[0] - machineStart[0]) / (double) (machineEnd[1] - machineStart[1]);
                machine = Figures.round(busyShare * CORES, 2);
                double ours = usage.stream().mapToDouble(ProcessUsage::cpuCores).sum();
                // (benchmark-clients is part of this JVM's process CPU, like stack-jvm: counted once in ours)
                other = Figures.round(Math.max(0, busyShare * CORES - ours), 2);
            }
            return new Usage(
                    Figures.round(wall / 1e9, 1),
                    usage,
                    machine,
                    other,
                    Figures.round(OS.getSystemLoadAverage(), 2),
                    threadGroups(threadCpuStart, threadCpuEnd, tasksStart, ProcFs.taskCpuNanos(self), wall));
        }
    }

    /**
     * CPU of the benchmark's own client threads in this JVM: the channels, the tracker and their Kafka and HTTP
     * clients (client ids and thread names start with {@code bench}, the HTTP client's threads with {@code HttpClient}).
     */
    static long clientThreadsCpu(Map<Long, Long> start, Map<Long, Long> end) {
        long[] ids = end.keySet().stream().mapToLong(Long::longValue).toArray();
        var infos = THREADS.getThreadInfo(ids);
        long cpu = 0;
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && isClientThread(infos[i].getThreadName())) {
                cpu += end.get(ids[i]) - start.getOrDefault(ids[i], 0L);
            }
        }
        return cpu;
    }

    static boolean isClientThread(String name) {
        return name.startsWith("bench") || name.contains("| bench") || name.startsWith("HttpClient-");
    }

    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** The JVM's own threads, which {@link ThreadMXBean} does not list: garbage collection and JIT compilers. */
    static boolean jvmInternal(String taskName) {
        return taskName.startsWith("GC Thread")
                || taskName.startsWith("G# ")
                || taskName.startsWith("C# CompilerThre")
                || taskName.startsWith("VM Thread");
    }

    private static List<ThreadUsage> threadGroups(
            Map<Long, Long> start,
            Map<Long, Long> end,
            Map<String, Long> tasksStart,
            Map<String, Long> tasksEnd,
            long wall) {
        Map<String, long[]> groups = new LinkedHashMap<>(); // name -> {cpu, count}
        tasksEnd.forEach((name, cpu) -> {
            if (jvmInternal(name)) {
                groups.put("[jvm] " + name, new long[] {cpu - tasksStart.getOrDefault(name, 0L), 1});
            }
        });
        long[] ids = end.keySet().stream().mapToLong(Long::longValue).toArray();
        var infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long cpu = end.get(ids[i]) - start.getOrDefault(ids[i], 0L);
            long[] group = groups.computeIfAbsent(threadGroup(infos[i].getThreadName()), k -> new long[2]);
            group[0] += cpu;
            group[1]++;
        }
        return groups.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                        .reversed())
                .limit(15)
                .map(e -> new ThreadUsage(
                        e.getKey(),
                        (int) e.getValue()[1],
                        Figures.round(e.getValue()[0] / 1e9, 2),
                        cores(e.getValue()[0], wall)))
                .toList();
    }

    /** Threads that differ only by their numbers count as one group: {@code http-nio-...-exec-#}. */
    static String threadGroup(String name) {
        return name.replaceAll("\\d+", "#");
    }

    /** {heap used, heap capacity} in bytes of a JVM, from {@code jstat -gc}; null when jstat is not available. */
    static long[] jstatHeap(long pid) {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        if (!jstat.toFile().canExecute()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return parseJstatGc(out);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Heap used (S0U+S1U+EU+OU) and capacity (S0C+S1C+EC+OC), bytes, from {@code jstat -gc} output (KB). */
    static long[] parseJstatGc(String output) {
        String[] lines = output.trim().split("\\R");
        if (lines.length < 2) {
            return null;
        }
        List<String> header = Arrays.asList(lines[0].trim().split("\\s+"));
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double used = 0;
        double capacity = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            used += kb(header, values, column);
        }
        for (String column : List.of("S0C", "S1C", "EC", "OC")) {
            capacity += kb(header, values, column);
        }
        return new long[] {(long) (used * 1024), (long) (capacity * 1024)};
    }

    private static double kb(List<String> header, String[] values, String column) {
        int i = header.indexOf(column);
        if (i < 0 || i >= values.length || values[i].equals("-")) {
            return 0;
        }
        return Double.parseDouble(values[i]);
    }

    private static double cores(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : Figures.round(cpuNanos / (double) wallNanos, 2);
    }

    private static double percent(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : Figures.round(100.0 * cpuNanos / wallNanos / CORES, 1);
    }

    private static Double mb(long bytes) {
        return bytes < 0 ? null : Figures.round(bytes / 1048576.0, 1);
    }
}
