package com.draftorders.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void durationsTakeAUnitOrMeanSeconds() {
        assertThat(Options.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Options.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Options.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Options.duration("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Options.duration("20")).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void listsChooseModesRatesAndConcurrency() {
        var options = Options.parse("--modes=closed,soak", "--rates=100,500", "--concurrency=8,64", "--via=rest");

        assertThat(options.modes).containsExactly("closed", "soak");
        assertThat(options.rates).containsExactly(100, 500);
        assertThat(options.concurrency).containsExactly(8, 64);
        assertThat(options.via).isEqualTo(List.of("rest"));
        assertThat(options.drivesCompletions()).isTrue();
    }

    @Test
    void aRunningStackNeedsItsKafkaRegistryAndDraftServiceAddresses() {
        assertThatThrownBy(() -> Options.parse("--kafka=127.0.0.1:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--registry");

        var options = Options.parse(
                "--kafka=127.0.0.1:9092", "--registry=http://127.0.0.1:8085", "--draft-url=http://127.0.0.1:8081/");
        assertThat(options.external()).isTrue();
        assertThat(options.draftUrl).isEqualTo("http://127.0.0.1:8081");
        assertThat(Target.coreRegistryUrl(options.registry)).isEqualTo("http://127.0.0.1:8085/apis/registry/v2");
    }

    @Test
    void anUnknownOptionOrModeIsRefused() {
        assertThatThrownBy(() -> Options.parse("--speed=fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("--modes=warp")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegistryMayBeGivenByItsConfluentCompatibleAddress() {
        assertThat(Target.coreRegistryUrl("http://h:8085/apis/ccompat/v7")).isEqualTo("http://h:8085/apis/registry/v2");
        assertThat(Target.coreRegistryUrl("http://h:8085/apis/registry/v2/"))
                .isEqualTo("http://h:8085/apis/registry/v2");
    }
}
