package com.draftorders.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void theRatioComparesCompletionsWithWhatTheCeilingCouldCarryAtThatManyMessagesEach() {
        // 20,000 msgs/s at 16 messages per completion would carry 1,250 completions/s; 250/s is a fifth of that.
        assertThat(Figures.ratioToCeiling(250, 20_000, 16)).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aCompletionCostingNothingButItsMessagesReachesARatioOfOne() {
        assertThat(Figures.ratioToCeiling(1_000, 12_000, 12)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void withoutACeilingOrAMessageCountThereIsNoRatio() {
        assertThat(Figures.ratioToCeiling(100, 0, 12)).isNaN();
        assertThat(Figures.ratioToCeiling(100, 10_000, 0)).isNaN();
    }

    @Test
    void ratesAreCountsPerSecondOfTheWindow() {
        assertThat(Figures.perSecond(300, 2_000_000_000L)).isEqualTo(150.0);
        assertThat(Figures.perSecond(300, 0)).isZero();
    }
}
