package com.draftorders.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcFsTest {

    @Test
    void cpuTicksAreUserPlusSystemTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (kafka) x) S 1 4242 4242 0 -1 4194560 105 0 0 0 1234 567 0 0 20 0 61 0 10 1 2";

        assertThat(ProcFs.cpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void residentMemoryIsReadFromVmRssInKilobytes() {
        var status = List.of("Name:\tjava", "VmPeak:\t 9999 kB", "VmRSS:\t  409600 kB", "Threads:\t61");

        assertThat(ProcFs.rss(status)).hasValue(409_600L * 1024);
        assertThat(ProcFs.rss(List.of("Name:\tjava"))).isEmpty();
    }

    @Test
    void theMachineIsBusyExceptWhenIdleOrWaitingForIo() {
        long[] ticks = ProcFs.machineTicks("cpu  100 5 50 800 40 3 2 0 0 0");

        assertThat(ticks).containsExactly(100 + 5 + 50 + 3 + 2, 1000);
    }

    @Test
    void thisProcessHasCpuTimeAndMemory() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcFs.cpuNanos(pid)).isPresent();
        assertThat(ProcFs.rssBytes(pid).orElse(0)).isPositive();
        assertThat(ProcFs.commandLine(pid).orElse("")).contains("java");
    }
}
