package com.draftorders.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatePacerTest {

    @Test
    void sendsAreDueEvenlySpacedFromTheStartWhateverHappenedBefore() {
        var pacer = new RatePacer(1_000, 250);

        assertThat(pacer.intendedNanos(0)).isEqualTo(1_000);
        assertThat(pacer.intendedNanos(1)).isEqualTo(1_000 + 4_000_000);
        assertThat(pacer.intendedNanos(250)).isEqualTo(1_000 + 1_000_000_000L);
    }

    @Test
    void theScheduleDoesNotDriftOverALongRunAtARateThatDoesNotDivideASecond() {
        var pacer = new RatePacer(0, 300);

        assertThat(pacer.intendedNanos(300L * 600)).isEqualTo(600_000_000_000L);
    }

    @Test
    void aDurationHoldsRateTimesSecondsSends() {
        assertThat(new RatePacer(0, 500).sendsIn(Duration.ofSeconds(20))).isEqualTo(10_000);
        assertThat(new RatePacer(0, 0.5).sendsIn(Duration.ofSeconds(3))).isEqualTo(1);
    }

    @Test
    void aLateSendIsNotWaitedForAndKeepsItsIntendedTime() {
        long start = System.nanoTime() - 1_000_000_000L; // the schedule began a second ago
        var pacer = new RatePacer(start, 10);

        long before = System.nanoTime();
        long due = pacer.awaitSend(3);

        assertThat(due).isEqualTo(start + 300_000_000L);
        assertThat(System.nanoTime() - before).isLessThan(100_000_000L);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new RatePacer(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
