package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Against the running stack: a token minted by {@code stack.jar token} for another store and fewer scopes is honoured
 * as such, and each service writes its own log file under the data directory, in which one {@code grep} of a
 * completion's trace id finds that service's saga steps.
 */
@Tag("e2e")
class StackCommandsEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
    }

    static String token(String... options) {
        var out = new ByteArrayOutputStream();
        String[] args = new String[options.length + 2];
        args[0] = "token";
        args[1] = "--data-dir=" + stack.settings().dataDir();
        System.arraycopy(options, 0, args, 2, options.length);
        int exit = StackControl.run(
                args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    static java.util.List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : java.util.List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMintedReadOnlyTokenForAnotherStoreReadsThatStoreAndMayNotWrite() {
        String draftUrl = stack.service("draft-service").url();
        var readOnly = Rest.withToken(draftUrl, token("--store=other-store", "--scopes=read_draft_orders"));

        assertThat(readOnly.get("/draft-orders").status()).isEqualTo(200);
        assertThat(readOnly.post("/draft-orders", """
                        {"draft_order": {"currency": "EUR",
                          "line_items": [{"title": "Mug", "price": "9.00", "quantity": 1}]}}
                        """).status()).isEqualTo(403);

        var dev = new Rest(draftUrl);
        String devDraft =
                dev.post("/draft-orders", """
                        {"draft_order": {"currency": "EUR",
                          "line_items": [{"title": "Mug", "price": "9.00", "quantity": 1}]}}
                        """).path("draft_order", "id").asString();
        assertThat(readOnly.get("/draft-orders/" + devDraft).status()).isEqualTo(404);
    }

    @Test
    void theStartupIsQuietAboutSchemasAlreadyRegisteredAndTheInvoiceKey() {
        Path logs = stack.settings().dataDir().resolve("logs");
        for (String service : new String[] {"draft-service", "cart-service", "payment-service", "order-service"}) {
            List<String> lines = lines(logs.resolve(service + ".log"));
            assertThat(lines).as(service + " logged its start").anyMatch(l -> l.contains("Started "));
            assertThat(lines)
                    .as(service)
                    .noneMatch(l -> l.contains("schema registration incomplete"))
                    .noneMatch(l -> l.contains("invoice.secret is not set"));
        }
        assertThat(stack.settings().dataDir().resolve(StackControl.INVOICE_SECRET_FILE))
                .exists();
    }

    @Test
    void eachServiceLogsToItsOwnFileAndOneGrepOfATraceIdFindsItsSagaSteps() {
        var drafts = new Rest(stack.service("draft-service").url());
        String id = drafts.post("/draft-orders", """
                        {"draft_order": {"currency": "EUR", "email": "logs@example.com",
                          "line_items": [{"title": "Support plan", "price": "30.00", "quantity": 1}]}}
                        """).path("draft_order", "id").asString();
        Eventually.await(
                "ready",
                SAGA,
                () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                d -> d.path("ready").asBoolean());
        var completion = drafts.post("/draft-orders/" + id + "/complete", "{}");
        assertThat(completion.status()).isEqualTo(202);
        String traceId = completion
                .raw()
                .headers()
                .firstValue("traceparent")
                .orElseThrow()
                .split("-")[1];
        Eventually.await(
                "completed",
                SAGA,
                () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                d -> d.path("status").asString().equals("completed"));

        Path logs = stack.settings().dataDir().resolve("logs");
        for (String service : new String[] {"draft-service", "cart-service", "payment-service", "order-service"}) {
            Path file = logs.resolve(service + ".log");
            Eventually.await(
                    service + " logged the completion's steps",
                    SAGA,
                    () -> lines(file).stream().filter(l -> l.contains(traceId)).toList(),
                    lines -> lines.stream().anyMatch(l -> l.contains(service + " handled"))
                            && lines.stream().anyMatch(l -> l.contains(service + " emitted")));
            assertThat(lines(file))
                    .as("only %s's lines in %s", service, file)
                    .noneMatch(l -> l.matches(".* (draft|cart|payment|order)-service (handled|emitted) .*")
                            && !l.contains(" " + service + " "));
        }
    }
}
