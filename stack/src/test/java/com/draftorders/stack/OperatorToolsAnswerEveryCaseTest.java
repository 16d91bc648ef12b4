package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.tools.DeadLetters;
import com.draftorders.messaging.tools.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator tools answer every case against a real broker: an empty topic says "no records"; an unknown topic,
 * id or offset is a clear error and a non-zero exit; a dead-letter command on a live topic is refused.
 */
@Tag("e2e")
class OperatorToolsAnswerEveryCaseTest {

    static KafkaBroker broker;
    static String bootstrap;

    @BeforeAll
    static void broker() throws Exception {
        StackSettings settings = StackSettings.randomPorts(TestStack.tempDir());
        broker = new KafkaBroker(settings, null);
        broker.start();
        bootstrap = settings.kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic("live-commands", 1, (short) 1),
                            new NewTopic("live-commands-dlt", 1, (short) 1),
                            new NewTopic("quiet-events", 1, (short) 1)))
                    .all()
                    .get();
        }
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("live-commands", "cart_1", "a live command"))
                    .get();
        }
    }

    @AfterAll
    static void stop() {
        broker.stop();
    }

    record Answer(int exit, String out, String err) {}

    static Answer deadLetters(String... args) {
        return answer(true, args);
    }

    static Answer events(String... args) {
        return answer(false, args);
    }

    private static Answer answer(boolean deadLetters, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "--bootstrap=" + bootstrap;
        System.arraycopy(args, 0, all, 1, args.length);
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = deadLetters ? DeadLetters.run(all, o, e) : Events.run(all, o, e);
            return new Answer(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void listingAnEmptyDeadLetterTopicSaysThereAreNoRecords() {
        Answer answer = deadLetters("list", "live-commands-dlt");

        assertThat(answer.exit()).isZero();
        assertThat(answer.out()).isEqualTo("no records on live-commands-dlt" + System.lineSeparator());
    }

    @Test
    void listingALiveTopicAsDeadLettersIsRefused() {
        Answer answer = deadLetters("list", "live-commands");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.out()).isEmpty();
        assertThat(answer.err()).contains("live-commands is not a dead-letter topic", "live-commands-dlt");
    }

    @Test
    void replayingFromALiveTopicIsRefused() {
        Answer answer = deadLetters("replay", "live-commands", "all");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("is not a dead-letter topic");
    }

    @Test
    void replayingOffsetsThatDoNotExistIsAnErrorAndReplaysNothing() {
        Answer answer = deadLetters("replay", "live-commands-dlt", "0:12", "3:4");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.out()).doesNotContain("replayed");
        assertThat(answer.err()).contains("no dead letter at 0:12, 3:4 on live-commands-dlt", "nothing replayed");
    }

    @Test
    void aMalformedPositionIsAnError() {
        Answer answer = deadLetters("replay", "live-commands-dlt", "twelve");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("'twelve' is not a position");
    }

    @Test
    void aDeadLetterTopicThatDoesNotExistIsAnError() {
        Answer answer = deadLetters("list", "no-such-topic-dlt");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("no topic named no-such-topic-dlt");
    }

    @Test
    void readingATopicThatDoesNotExistIsAnErrorAndDoesNotCreateIt() throws Exception {
        Answer answer = events("read", "no-such-topic");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("error: no topic named no-such-topic");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).doesNotContain("no-such-topic");
        }
    }

    @Test
    void readingAnEmptyTopicSaysThereAreNoRecords() {
        Answer answer = events("read", "quiet-events");

        assertThat(answer.exit()).isZero();
        assertThat(answer.out()).isEqualTo("no records on quiet-events" + System.lineSeparator());
    }

    @Test
    void followingAnIdNoMessageNamesIsAnError() {
        Answer answer = events("follow", "dorder_unknown");

        assertThat(answer.exit()).isEqualTo(1);
        assertThat(answer.err()).contains("no message on any topic of the catalog names dorder_unknown");
    }

    @Test
    void aCommandWithoutItsArgumentsShowsTheUsage() {
        assertThat(deadLetters("list").exit()).isEqualTo(2);
        assertThat(events("read").exit()).isEqualTo(2);
    }
}
