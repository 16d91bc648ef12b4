package com.draftorders.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void aJvmsHeapIsItsSurvivorEdenAndOldSpacesFromJstat() {
        String out = """
                 S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT
                 8704.0      8704.0         0.0      1024.0      69952.0      10240.0     174784.0      51200.0    61440.0    60000.0   7936.0    7000.0     42     0.250     1      0.100     -          -     0.350
                """;

        long[] heap = Resources.parseJstatGc(out);

        assertThat(heap[0]).isEqualTo((0 + 1024 + 10240 + 51200) * 1024L);
        assertThat(heap[1]).isEqualTo((long) ((8704.0 + 8704.0 + 69952.0 + 174784.0) * 1024));
    }

    @Test
    void threadsThatDifferOnlyByTheirNumbersAreOneGroup() {
        assertThat(Resources.threadGroup("http-nio-127.0.0.1-8081-exec-7"))
                .isEqualTo(Resources.threadGroup("http-nio-127.0.0.1-8082-exec-12"));
        assertThat(Resources.threadGroup("outbox-relay")).isEqualTo("outbox-relay");
    }
}
