package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceContextTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidTraceparentIsParsedIntoItsFields() {
        var trace = TraceContext.parse(TRACEPARENT).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.flags()).isEqualTo("01");
        assertThat(trace.parentSpanId()).isNull();
    }

    @Test
    void formattingAParsedTraceparentGivesItBack() {
        assertThat(TraceContext.parse(TRACEPARENT).orElseThrow().traceparent()).isEqualTo(TRACEPARENT);
    }

    @Test
    void malformedOrForbiddenTraceparentsAreRefused() {
        assertThat(TraceContext.parse(null)).isEmpty();
        assertThat(TraceContext.parse("")).isEmpty();
        assertThat(TraceContext.parse("garbage")).isEmpty();
        // upper case hex, short ids, all-zero ids, version ff, version 00 with extra fields
        assertThat(TraceContext.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceContext.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isEmpty();
        assertThat(TraceContext.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceContext.parse(TRACEPARENT + "-extra")).isEmpty();
    }

    @Test
    void aLaterVersionIsReadForTheFieldsVersionZeroKnows() {
        var trace = TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future")
                .orElseThrow();

        assertThat(trace.traceparent()).isEqualTo(TRACEPARENT);
    }

    @Test
    void aChildKeepsTheTraceAndFlagsWithANewSpanWhoseParentIsTheOriginalSpan() {
        var parent = TraceContext.parse(TRACEPARENT).orElseThrow();

        var child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.flags()).isEqualTo(parent.flags());
        assertThat(child.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(parent.spanId());
        assertThat(child.parentSpanId()).isEqualTo(parent.spanId());
    }

    @Test
    void aNewTraceIsSampledWithFreshValidIds() {
        var first = TraceContext.newTrace();
        var second = TraceContext.newTrace();

        assertThat(TraceContext.parse(first.traceparent())).contains(first);
        assertThat(first.flags()).isEqualTo("01");
        assertThat(first.traceId()).isNotEqualTo(second.traceId());
    }

    @Test
    void continuingFromAHeaderMakesAChildAndWithoutOneStartsATrace() {
        assertThat(TraceContext.continueFrom(TRACEPARENT).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceContext.continueFrom(TRACEPARENT).parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(TraceContext.continueFrom("nonsense").parentSpanId()).isNull();
        assertThat(TraceContext.continueFrom(null).traceId()).matches("[0-9a-f]{32}");
    }

    @Test
    void anActivatedContextIsCurrentAndInTheMdcUntilItsScopeCloses() {
        var outer = TraceContext.newTrace();
        var inner = outer.child();

        try (var a = outer.activate()) {
            try (var b = inner.activate()) {
                assertThat(TraceContext.current()).contains(inner);
                assertThat(MDC.get(TraceContext.MDC_SPAN_ID)).isEqualTo(inner.spanId());
            }
            assertThat(TraceContext.current()).contains(outer);
            assertThat(MDC.get(TraceContext.MDC_TRACE_ID)).isEqualTo(outer.traceId());
            assertThat(MDC.get(TraceContext.MDC_SPAN_ID)).isEqualTo(outer.spanId());
        }
        assertThat(TraceContext.current()).isEmpty();
        assertThat(MDC.get(TraceContext.MDC_TRACE_ID)).isNull();
    }

    @Test
    void invalidIdsCannotBeConstructed() {
        assertThatThrownBy(() -> new TraceContext("abc", "00f067aa0ba902b7", null, "01"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
