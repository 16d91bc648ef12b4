package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's commands as written — the walk-through, the channel's commands and the log grep — run with bash in
 * one fresh shell against the embedded stack, and the answers the README quotes compared. Only the stack's
 * addresses, its data directory and the jar (the test's class path instead of {@code stack/target/stack.jar}) are
 * substituted, so the README cannot drift from the system. Needs bash, curl and jq.
 */
@Tag("e2e")
class ReadmeWalkthroughEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(60);
    static EmbeddedStack stack;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
    }

    /** The {@code bash} blocks of the README between the first heading and the second. */
    static List<String> bashBlocks(String readme, String fromHeading, String toHeading) {
        int from = readme.indexOf(fromHeading);
        int to = readme.indexOf(toHeading, from + 1);
        assertThat(from).as(fromHeading).isNotNegative();
        assertThat(to).as(toHeading).isGreaterThan(from);
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(from, to));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The README's command with this stack's addresses, data directory and class path. */
    static String forThisStack(String script) {
        var settings = stack.settings();
        String java = "java -cp \"$CP\" ";
        String tools =
                "--bootstrap=" + settings.kafkaBootstrap() + " --registry=" + settings.registryCcompatUrl() + " ";
        return script.replace(
                        "http://127.0.0.1:8081", stack.service("draft-service").url())
                .replace("http://127.0.0.1:8083", stack.service("order-service").url())
                .replace(
                        "java -jar stack/target/stack.jar token",
                        java + EmbeddedStack.class.getName() + " token --data-dir=" + settings.dataDir())
                .replace(
                        "java -cp stack/target/stack.jar com.draftorders.messaging.tools.Events ",
                        java + "com.draftorders.messaging.tools.Events " + tools)
                .replace(
                        "java -cp stack/target/stack.jar com.draftorders.messaging.tools.Requests ",
                        java + "com.draftorders.messaging.tools.Requests " + tools)
                .replace(".data/logs/", settings.dataDir().resolve("logs") + "/");
    }

    @Test
    void theWalkThroughTheChannelAndTheLogGrepRunAsWrittenAndAnswerWhatTheReadmeQuotes() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "README.md"));
        List<String> blocks = new ArrayList<>();
        blocks.addAll(bashBlocks(readme, "### Walk-through: a phone sale", "Variations on step 4"));
        blocks.addAll(bashBlocks(readme, "### From an upstream channel", "## Topics"));
        blocks.addAll(bashBlocks(readme, "**Logs.**", "## Observability"));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(9);
        String reference = "call-" + java.util.UUID.randomUUID();
        String email = reference + "@example.com";
        String script = "set -euo pipefail\n"
                + forThisStack(String.join("\n", blocks))
                        // a channel reference of its own, so that the test can run again on the same stack
                        .replace("call-4711", reference)
                        .replace("grace@example.com", email)
                + "\necho \"ORDER_ID=$ORDER_ID\"\n";

        Path dir = Files.createTempDirectory("readme-");
        Files.writeString(dir.resolve("walkthrough.sh"), script);
        var builder = new ProcessBuilder("bash", "walkthrough.sh")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("CP", System.getProperty("java.class.path"));
        Process bash = builder.start();
        bash.getOutputStream().close();
        boolean finished = bash.waitFor(4, TimeUnit.MINUTES);
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        if (!finished) {
            bash.destroyForcibly();
        }
        assertThat(finished).as(out).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();

        // step 1: the calculated draft
        assertThat(out)
                .as("step 1")
                .contains("\"subtotal_price\": \"50.38\"", "\"total_discounts\": \"7.10\"")
                .contains("\"total_tax\": \"10.52\"", "\"total_price\": \"65.85\"");
        // step 4: the order, authorized and not captured
        assertThat(out)
                .as("step 4")
                .contains("\"payment_status\": \"authorized\"", "\"captured_amount\": \"0.00\"")
                .contains("\"total_price\": \"87.25\"");
        // step 5: what the capture and the refund accepted
        assertThat(out)
                .as("step 5")
                .contains("{\"capture\":{", "\"status\":\"pending\"", "\"amount\":\"87.25\"")
                .contains("{\"refund\":{", "\"amount\":\"19.99\"", "\"reason\":\"one mug arrived broken\"");
        // step 6: the timeline and the messages
        assertThat(out).as("step 6").contains("DraftOrderCompleted", "OrderCreated");
        // the log grep: every service's steps of the completion
        for (String service : List.of("draft-service", "cart-service", "payment-service", "order-service")) {
            assertThat(out).as("the grep of the trace id").contains(service + " handled");
        }
        // the channel's commands
        assertThat(out).contains("sent CreateDraftOrder phone:" + reference, "sent CompleteDraftOrder phone:");

        String orderId = out.lines()
                .filter(l -> l.startsWith("ORDER_ID="))
                .findFirst()
                .orElseThrow()
                .substring("ORDER_ID=".length());
        var orders = new Rest(stack.service("order-service").url());
        JsonNode refunded = Eventually.await(
                "the refund on the order",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("partially_refunded"));
        assertThat(refunded.path("captured_amount").asString()).isEqualTo("87.25");
        assertThat(refunded.path("refunded_amount").asString()).isEqualTo("19.99");
        var drafts = new Rest(stack.service("draft-service").url());
        JsonNode channelDraft = Eventually.await(
                "the channel's draft completed",
                SAGA,
                () -> drafts.get("/draft-orders?email=" + email)
                        .path("draft_orders")
                        .path(0),
                d -> d.path("status").asString().equals("completed"));
        assertThat(channelDraft.path("total_price").asString()).isEqualTo("54.98");
    }
}
