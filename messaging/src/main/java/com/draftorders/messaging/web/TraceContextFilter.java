package com.draftorders.messaging.web;

import com.draftorders.messaging.TraceContext;
import com.draftorders.schemas.EventHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every REST request in a span: a child of the caller's {@code traceparent} when it sends a valid one, else the
 * first span of a new trace. The span is current while the request runs (its ids in the log MDC, and messages the
 * request causes continue its trace) and is returned to the caller in the response's {@code traceparent}. Registered
 * ahead of the security filters, so refused requests are traced too.
 */
public class TraceContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceContext trace = TraceContext.continueFrom(request.getHeader(EventHeaders.TRACEPARENT));
        response.setHeader(EventHeaders.TRACEPARENT, trace.traceparent());
        try (var scope = trace.activate()) {
            chain.doFilter(request, response);
        }
    }
}
