package com.draftorders.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's tool over REST: {@code POST /draft-orders}, then, once the tracker sees the draft ready on
 * draft-order-events ({@code DraftOrderUpdated} with ready), {@code POST /draft-orders/{id}/complete}. Requests are
 * asynchronous, so an open loop never waits for a response before its next send.
 */
final class RestChannel implements Channel {

    private static final int NOT_READY_RETRIES = 50;
    private final String draftUrl;
    private final String token;
    private final Tracker tracker;
    private final ExecutorService executor;
    private final HttpClient http;

    RestChannel(Target target, Tracker tracker, String store) {
        this.draftUrl = target.draftUrl;
        this.token = target.bearerToken(store);
        this.tracker = tracker;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    @Override
    public String name() {
        return "rest";
    }

    @Override
    public void begin(Completion c) {
        create(c, true);
    }

    private void create(Completion c, boolean mayRetry) {
        long sent = System.nanoTime();
        post("/draft-orders", Drafts.restBody(c.ref)).whenComplete((response, error) -> {
            c.run.httpCreate.recordNanos(System.nanoTime() - sent);
            if (error != null) {
                if (mayRetry && isConnectionProblem(error)) {
                    // A keep-alive connection the server just closed; one retry (a duplicate draft is harmless:
                    // only the first one to become ready is completed).
                    c.run.httpRetries.increment();
                    create(c, false);
                } else {
                    tracker.finish(c, "create: " + describe(error));
                }
            } else if (response.statusCode() != 201) {
                tracker.finish(c, "create: HTTP " + response.statusCode());
            }
        });
    }

    @Override
    public void onReady(Completion c, String draftId) {
        if (c.completeRequested.compareAndSet(false, true)) {
            complete(c, draftId, 0);
        }
    }

    private void complete(Completion c, String draftId, int attempt) {
        long sent = System.nanoTime();
        post("/draft-orders/" + draftId + "/complete", "{\"payment_pending\": false}")
                .whenComplete((response, error) -> {
                    c.run.httpComplete.recordNanos(System.nanoTime() - sent);
                    if (error != null) {
                        if (attempt < 1 && isConnectionProblem(error)) {
                            c.run.httpRetries.increment();
                            complete(c, draftId, attempt + 1);
                        } else {
                            tracker.finish(c, "complete: " + describe(error));
                        }
                    } else if (response.statusCode() == 409
                            && response.body().contains("not_ready")
                            && attempt < NOT_READY_RETRIES) {
                        c.run.httpRetries.increment();
                        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS, executor)
                                .execute(() -> complete(c, draftId, attempt + 1));
                    } else if (response.statusCode() != 202) {
                        tracker.finish(c, "complete: HTTP " + response.statusCode() + " " + code(response.body()));
                    }
                });
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(draftUrl + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        var request = builder.build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isConnectionProblem(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause instanceof IOException && !(cause instanceof java.net.http.HttpTimeoutException);
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName();
    }

    private static String code(String body) {
        int at = body.indexOf("\"code\"");
        if (at < 0) {
            return "";
        }
        int start = body.indexOf('"', body.indexOf(':', at) + 1);
        int end = body.indexOf('"', start + 1);
        return start < 0 || end < 0 ? "" : body.substring(start + 1, end);
    }

    @Override
    public void close() {
        executor.shutdownNow(); // Java 17's HttpClient has no close(); its selector thread ends with it
    }
}
