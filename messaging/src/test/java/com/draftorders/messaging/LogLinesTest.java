package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Log lines of a service show the trace of the work they belong to, as text by default and as JSON on request. */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    /** Boot hands the format to Logback as a system property, which outlives the application. */
    @AfterEach
    void forgetTheFormat() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    static void logInATrace(TraceContext trace, String... properties) {
        try (var context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .properties(properties)
                .run()) {
            try (var scope = trace.activate()) {
                LoggerFactory.getLogger(LogLinesTest.class).info("handled a message");
            }
        }
    }

    @Test
    void aPlainLogLineShowsTheTraceAndSpanIds(CapturedOutput output) {
        var trace = TraceContext.newTrace();

        logInATrace(trace);

        assertThat(output.getOut())
                .containsPattern("\\[" + trace.traceId() + "-" + trace.spanId() + "\\] .*handled a message");
    }

    @Test
    void aJsonLogLineCarriesTheTraceAndSpanIdsAsFields(CapturedOutput output) {
        var trace = TraceContext.newTrace();

        logInATrace(trace, "logging.structured.format.console=ecs");

        assertThat(output.getOut().lines().filter(l -> l.contains("handled a message")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{")
                        .contains("\"traceId\":\"" + trace.traceId() + "\"")
                        .contains("\"spanId\":\"" + trace.spanId() + "\""));
    }
}
