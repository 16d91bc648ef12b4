package com.draftorders.messaging.tools;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.draft.CancelDraftOrder;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.schemas.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An upstream channel from the command line: publishes {@code CreateDraftOrder}, {@code CompleteDraftOrder} and
 * {@code CancelDraftOrder} to {@code draft-order-requests} in the registry's wire format, keyed
 * {@code channel:reference}, as a phone, POS or EDI channel would.
 *
 * <pre>
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.Requests create --channel=phone --reference=call-4711 \
 *     --email=ada@example.com --line="Mug:19.99:2" --line="Coaster:5.00:3"
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.Requests complete --channel=phone --reference=call-4711
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.Requests cancel --channel=phone --reference=call-4711
 * </pre>
 *
 * Options: {@code --store=dev}, {@code --currency=EUR}, {@code --email=}, {@code --note=}, {@code --payment-pending}
 * (complete: leave the payment authorized, not captured), and the tools' {@code --bootstrap=},
 * {@code --command-config=}, {@code --registry=<ccompat url>} (default
 * {@code http://127.0.0.1:8085/apis/ccompat/v7}, as for {@link Events}). The answer comes on {@code draft-order-events}
 * ({@code DraftOrderCreated}, ..., or {@code DraftOrderRequestRejected} with the reason).
 */
public final class Requests {

    private Requests() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line: prints to {@code out} and {@code err}, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ToolClients clients = ToolClients.parse(args);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String arg : clients.arguments()) {
            if (arg.startsWith("--line=")) {
                lines.add(arg.substring("--line=".length()));
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        String command = rest.size() == 1 ? rest.get(0) : "";
        if (!List.of("create", "complete", "cancel").contains(command)
                || !options.containsKey("channel")
                || !options.containsKey("reference")) {
            err.println("usage: Requests [--bootstrap=host:port] [--registry=<registry url>] [--store=dev]"
                    + " create --channel=C --reference=R [--currency=EUR] [--email=E] [--note=N]"
                    + " --line=TITLE:PRICE:QUANTITY...");
            err.println("       Requests [...] complete --channel=C --reference=R [--payment-pending]");
            err.println("       Requests [...] cancel --channel=C --reference=R [--reason=TEXT]");
            return 2;
        }
        com.draftorders.schemas.AvroTrust.trustGeneratedClasses(); // before the first record is built
        return ToolClients.run(err, () -> {
            String channel = options.get("channel");
            String reference = options.get("reference");
            String requestId = command + "-" + reference + "-" + Ids.next("req");
            Object payload = switch (command) {
                case "create" -> create(requestId, channel, reference, options, lines);
                case "complete" ->
                    CompleteDraftOrder.newBuilder()
                            .setRequestId(requestId)
                            .setChannel(channel)
                            .setExternalReference(reference)
                            .setPaymentPending(options.containsKey("payment-pending"))
                            .build();
                default ->
                    CancelDraftOrder.newBuilder()
                            .setRequestId(requestId)
                            .setChannel(channel)
                            .setExternalReference(reference)
                            .setReason(options.get("reason"))
                            .build();
            };
            String key = channel + ":" + reference;
            String eventId = Ids.next("evt");
            Metadata metadata = Metadata.newBuilder()
                    .setEventId(eventId)
                    .setOccurredAt(Instant.now())
                    .setCorrelationId(eventId)
                    .setStoreId(options.getOrDefault("store", "dev"))
                    .setAggregateId(key)
                    .setSource(channel)
                    .build();
            var topic = Topics.DRAFT_ORDER_REQUESTS;
            String registry = options.getOrDefault("registry", "http://127.0.0.1:8085/apis/ccompat/v7");
            try (var codec = new MessageCodec(registry);
                    var producer = new KafkaProducer<>(
                            ToolClients.with(clients.config(), Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                            new StringSerializer(),
                            new ByteArraySerializer())) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(
                                topic.name(), key, codec.encode(topic, topic.wrap(metadata, payload))))
                        .get();
                out.printf(
                        "sent %s %s (request %s) to %s[%d]@%d%n",
                        payload.getClass().getSimpleName(),
                        key,
                        requestId,
                        sent.topic(),
                        sent.partition(),
                        sent.offset());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new ToolException("the broker did not take the request: " + e.getCause());
            }
            return 0;
        });
    }

    private static CreateDraftOrder create(
            String requestId, String channel, String reference, Map<String, String> options, List<String> lines) {
        String currency = options.getOrDefault("currency", "EUR");
        if (!MoneyFormat.isCurrency(currency)) {
            throw new ToolException("--currency=" + currency + " is not an ISO 4217 currency code such as EUR");
        }
        if (lines.isEmpty()) {
            throw new ToolException("name at least one --line=TITLE:PRICE:QUANTITY, e.g. --line=\"Mug:19.99:2\"");
        }
        List<LineItem> items = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(":");
            if (parts.length != 3) {
                throw new ToolException("--line=" + line + " is not TITLE:PRICE:QUANTITY, e.g. \"Mug:19.99:2\"");
            }
            long price;
            int quantity;
            try {
                price = MoneyFormat.parse(parts[1].trim(), currency);
                quantity = Integer.parseInt(parts[2].trim());
            } catch (IllegalArgumentException e) {
                throw new ToolException("--line=" + line + ": " + e.getMessage());
            }
            items.add(LineItem.newBuilder()
                    .setLineItemId("li_" + (items.size() + 1))
                    .setTitle(parts[0].trim())
                    .setPrice(price)
                    .setQuantity(quantity)
                    .build());
        }
        return CreateDraftOrder.newBuilder()
                .setRequestId(requestId)
                .setChannel(channel)
                .setExternalReference(reference)
                .setEmail(options.get("email"))
                .setNote(options.get("note"))
                .setContent(CartContent.newBuilder()
                        .setCurrency(currency)
                        .setLineItems(items)
                        .build())
                .build();
    }
}
