package com.draftorders.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.TraceContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TraceContextFilterTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    final AtomicReference<TraceContext> seen = new AtomicReference<>();
    final AtomicReference<String> mdcTraceId = new AtomicReference<>();

    MockHttpServletResponse run(String traceparent) throws Exception {
        var request = new MockHttpServletRequest("GET", "/draft-orders");
        if (traceparent != null) {
            request.addHeader("traceparent", traceparent);
        }
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                seen.set(TraceContext.current().orElse(null));
                mdcTraceId.set(MDC.get(TraceContext.MDC_TRACE_ID));
                res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            }
        });
        new TraceContextFilter().doFilter(request, response, chain);
        return response;
    }

    @Test
    void aRequestWithATraceparentRunsInAChildSpanOfItAndAnswersWithThatSpan() throws Exception {
        var response = run(TRACEPARENT);

        assertThat(seen.get().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen.get().parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(mdcTraceId.get()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(response.getHeader("traceparent")).isEqualTo(seen.get().traceparent());
    }

    @Test
    void aRequestWithoutATraceparentStartsATraceAndAnswersWithIt() throws Exception {
        var response = run(null);

        assertThat(seen.get()).isNotNull();
        assertThat(seen.get().parentSpanId()).isNull();
        assertThat(response.getHeader("traceparent")).isEqualTo(seen.get().traceparent());
    }

    @Test
    void anInvalidTraceparentIsIgnoredAndANewTraceStarted() throws Exception {
        var response = run("00-not-a-trace-01");

        assertThat(seen.get().parentSpanId()).isNull();
        assertThat(TraceContext.parse(response.getHeader("traceparent"))).isPresent();
    }

    @Test
    void theContextAndTheMdcAreClearedAfterTheRequest() throws Exception {
        run(TRACEPARENT);

        assertThat(TraceContext.current()).isEmpty();
        assertThat(MDC.get(TraceContext.MDC_TRACE_ID)).isNull();
    }
}
