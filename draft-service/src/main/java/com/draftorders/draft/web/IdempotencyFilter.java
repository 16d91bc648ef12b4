package com.draftorders.draft.web;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.domain.StoreDirectory;
import com.draftorders.draft.persistence.IdempotencyKeys;
import com.draftorders.draft.persistence.IdempotencyKeys.Claim;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for every mutating call of the draft API ({@code POST}, {@code PATCH}, {@code PUT},
 * {@code DELETE} under {@code /draft-orders}). Keys are per store. The first request with a key runs and, when it
 * succeeds (2xx), its status, body and {@code Location}/{@code ETag} headers are stored with the hash of the request
 * (method, path and query, and the body as canonical JSON, so key order and whitespace do not matter); the same key
 * with the same request replays that response ({@code Idempotent-Replayed: true}); the same key with a different
 * request is 422 {@code idempotency_key_reused}; while the first request still runs, 409
 * {@code idempotency_key_in_use} (with {@code Retry-After}). A request that fails (4xx/5xx) changed nothing and
 * releases its key, so it can be retried with it.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 255;
    static final int MAX_BODY = 8 * 1024 * 1024;
    private static final Set<String> MUTATING = Set.of("POST", "PATCH", "PUT", "DELETE");
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER);

    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final DraftProperties.Idempotency settings;
    private final Clock clock;
    private final StoreIdArgumentResolver stores;

    public IdempotencyFilter(
            IdempotencyKeys keys, JsonMapper json, DraftProperties properties, Clock clock, StoreDirectory directory) {
        this.stores = new StoreIdArgumentResolver(true, directory::isKnown);
        this.keys = keys;
        this.json = json;
        this.settings = properties.idempotency();
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !MUTATING.contains(request.getMethod())
                || !(path.equals("/draft-orders") || path.startsWith("/draft-orders/"))
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            problem(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "invalid",
                    "the request has invalid fields",
                    Map.of("field", HEADER, "reason", "must be 1 to " + MAX_KEY + " printable ASCII characters"));
            return;
        }
        StoreId store;
        try {
            store = (StoreId) stores.resolveArgument(null, null, new ServletWebRequest(request), null);
        } catch (ApiException invalidStore) {
            chain.doFilter(request, response); // the controller answers the invalid or unknown store
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "too_large",
                    "the body is larger than " + MAX_BODY + " bytes",
                    null);
            return;
        }
        String hash = requestHash(request, body);
        Claim claim = keys.claim(store.value(), key, hash, clock.instant(), settings.leaseTime());
        if (claim instanceof Claim.Claimed claimed) {
            run(claimed, new CachedBodyRequest(request, body), response, chain);
        } else if (claim instanceof Claim.Completed completed) {
            replay(completed, response);
        } else if (claim instanceof Claim.Reused) {
            problem(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request; use a new key for a new request",
                    null);
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency_key_in_use",
                    "a request with this Idempotency-Key is still being processed; retry shortly",
                    null);
        }
    }

    private void run(Claim.Claimed claim, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : KEPT_HEADERS) {
                    String value = recorded.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                if (recorded.getContentType() != null) {
                    headers.put(HttpHeaders.CONTENT_TYPE, recorded.getContentType());
                }
                keys.finish(claim, status, headers, recorded.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.release(claim);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(Claim.Completed completed, HttpServletResponse response) throws IOException {
        var record = completed.record();
        response.setStatus(record.getStatus());
        record.getHeaders().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        byte[] body = record.getBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** SHA-256 over method, path, query and the body (canonical JSON when it is JSON, else the bytes). */
    String requestHash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(canonical(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON with object keys sorted and no whitespace; bodies that are not JSON stay as they are. */
    byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            JsonNode tree = json.readTree(body);
            return json.writeValueAsBytes(sorted(tree));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), sorted(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            return node.valueStream().map(IdempotencyFilter::sorted).toList();
        }
        return node;
    }

    private void problem(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String detail,
            Map<String, String> error)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        if (error != null) {
            problem.put("errors", List.of(error));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The request with its body read once up front (to hash it) and handed on to the controller. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
