package com.draftorders.messaging;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A W3C Trace Context position ({@code traceparent}): the trace a piece of work belongs to and its own span. One
 * trace id follows a business flow across REST calls and Kafka hops; every hop gets a new span id whose parent is
 * the span that caused it. There is no tracing backend: the ids are for correlating log lines and records.
 *
 * <p>Why not Micrometer Tracing (Brave): its Kafka instrumentation injects the context of the thread that sends, but
 * here the outbox relay sends later on a thread of its own, so the context must be fixed when the message is built
 * and stored with it; that leaves little for a tracer to do without a tracing backend.
 *
 * <p>The context of the work running on a thread is {@link #current()}; {@link #activate()} makes a context current
 * (and puts {@value #MDC_TRACE_ID} and {@value #MDC_SPAN_ID} into the SLF4J MDC, so log lines show them) until the
 * returned scope is closed.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero
 * @param parentSpanId the span this one continues, null for the root of a trace
 * @param flags 2 hex digits ({@code 01} = sampled)
 */
public record TraceContext(String traceId, String spanId, String parentSpanId, String flags) {

    /** MDC key of the trace id (the name Spring Boot's {@code %correlationId} and structured logging expect). */
    public static final String MDC_TRACE_ID = "traceId";

    /** MDC key of the span id. */
    public static final String MDC_SPAN_ID = "spanId";

    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

    public TraceContext {
        if (traceId == null || !traceId.matches("[0-9a-f]{32}") || traceId.equals(INVALID_TRACE_ID)) {
            throw new IllegalArgumentException("invalid trace id: " + traceId);
        }
        if (spanId == null || !spanId.matches("[0-9a-f]{16}") || spanId.equals(INVALID_SPAN_ID)) {
            throw new IllegalArgumentException("invalid span id: " + spanId);
        }
        if (flags == null || !flags.matches("[0-9a-f]{2}")) {
            throw new IllegalArgumentException("invalid trace flags: " + flags);
        }
    }

    /**
     * The context a {@code traceparent} header names, if it is valid: version {@code 00} exactly as specified, a
     * later version with at least the version-00 fields (per the spec's forward compatibility), never version
     * {@code ff} nor all-zero ids.
     */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String version = m.group(1);
        if (version.equals("ff") || (version.equals("00") && m.group(5) != null)) {
            return Optional.empty();
        }
        if (m.group(2).equals(INVALID_TRACE_ID) || m.group(3).equals(INVALID_SPAN_ID)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(m.group(2), m.group(3), null, m.group(4)));
    }

    /** The first span of a new, sampled trace. */
    public static TraceContext newTrace() {
        return new TraceContext(randomHex(16), randomHex(8), null, "01");
    }

    /**
     * A new span continuing the trace {@code traceparent} names (its span as the parent), or the first span of a new
     * trace when the header is absent or invalid.
     */
    public static TraceContext continueFrom(String traceparent) {
        return parse(traceparent).map(TraceContext::child).orElseGet(TraceContext::newTrace);
    }

    /** A new span in the same trace, caused by this one. */
    public TraceContext child() {
        return new TraceContext(traceId, randomHex(8), spanId, flags);
    }

    /** The {@code traceparent} header value: {@code 00-<trace id>-<span id>-<flags>}. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    /** The context of the work on this thread, if any. */
    public static Optional<TraceContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Makes this the current context of this thread (and puts its ids into the MDC) until the scope is closed, which
     * restores what was current before.
     */
    public Scope activate() {
        TraceContext previous = CURRENT.get();
        set(this);
        return () -> set(previous);
    }

    private static void set(TraceContext context) {
        if (context == null) {
            CURRENT.remove();
            MDC.remove(MDC_TRACE_ID);
            MDC.remove(MDC_SPAN_ID);
        } else {
            CURRENT.set(context);
            MDC.put(MDC_TRACE_ID, context.traceId());
            MDC.put(MDC_SPAN_ID, context.spanId());
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The time a context is current; closing it restores the previous one. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
