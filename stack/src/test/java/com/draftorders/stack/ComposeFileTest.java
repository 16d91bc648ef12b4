package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production-shaped docker-compose.yml cannot run here (no Docker engine), but Debian's docker-compose
 * validates and resolves it offline; {@code .ci/run} installs it. The security shape (SASL/SCRAM everywhere, the
 * authorizer, the ACL matrix of compose/kafka/acls.conf) is checked from the files themselves and always runs.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    private static final Path ACLS = ROOT.resolve("compose/kafka/acls.conf");
    private static final Path SETUP = ROOT.resolve("compose/kafka/setup.sh");

    private static final List<String> SERVICES =
            List.of("draft-service", "cart-service", "order-service", "payment-service");
    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule required";

    @Test
    void theComposeFileIsValidAndWiresTheWholeStack() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");

        String resolved = run("docker-compose", "-f", COMPOSE_FILE.toString(), "config");

        assertThat(resolved)
                .contains("apache/kafka:")
                .contains("--replSet")
                .contains("apicurio/apicurio-registry-kafkasql:2.6.13.Final")
                .contains("KAFKA_CLUSTERS_0_SCHEMAREGISTRY: http://registry:8080/apis/ccompat/v7")
                .contains("draft-service:", "cart-service:", "order-service:", "payment-service:")
                .contains("replicaSet=rs0");
        // The development defaults resolve: every principal gets a password without a .env file.
        Map<String, Object> services = section(new Yaml().load(resolved), "services");
        for (String service : SERVICES) {
            assertThat(environment(services, service).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .as(service)
                    .matches(Pattern.quote(SCRAM) + "\\s+username=\"" + service + "\" password=\"[\\w-]+\";");
        }
        assertThat(environment(services, "kafka-setup"))
                .containsKeys(principals().stream()
                        .map(ComposeFileTest::passwordVariable)
                        .toArray(String[]::new));
    }

    @Test
    void theBrokerTakesOnlyScramFromClientsAndAllowsNothingWithoutAnAcl() throws IOException {
        Map<String, String> kafka = environment(composeServices(), "kafka");

        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .isEqualTo("INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT");
        assertThat(kafka)
                .containsEntry("KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin;User:controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // SCRAM users live in the KRaft metadata: the first one, admin, is added when the storage is formatted.
        assertThat(String.valueOf(section(composeServices(), "kafka").get("entrypoint")))
                .contains("/compose/kafka/broker.sh");
        assertThat(Files.readString(ROOT.resolve("compose/kafka/broker.sh")))
                .contains("--add-scram \"SCRAM-SHA-512=[name=admin,password=${ADMIN_KAFKA_PASSWORD}]\"");
        assertThat(kafka.values()).noneMatch(value -> value.contains(":PLAINTEXT"));
        // Only the EXTERNAL listener is published; the controller listener stays inside the container.
        assertThat(String.valueOf(composeServices().get("kafka")))
                .contains("9092:29092")
                .doesNotContain("9093:");
    }

    @Test
    void everyKafkaClientOfTheStackAuthenticatesAsItsOwnPrincipal() throws IOException {
        Map<String, Object> services = composeServices();
        for (String service : SERVICES) {
            Map<String, String> env = environment(services, service);
            assertThat(env)
                    .as(service)
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("DRAFTORDERS_MESSAGING_CREATE_TOPICS", "false");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .as(service)
                    .startsWith(SCRAM)
                    .contains("username=\"" + service + "\"")
                    .contains("${" + passwordVariable(service) + ":-");
        }
        assertThat(environment(services, "registry"))
                .containsEntry("REGISTRY_KAFKA_COMMON_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("REGISTRY_KAFKA_COMMON_SASL_MECHANISM", "SCRAM-SHA-512");
        assertThat(environment(services, "registry").get("REGISTRY_KAFKA_COMMON_SASL_JAAS_CONFIG"))
                .startsWith(SCRAM)
                .contains("username=\"apicurio\"");
        assertThat(environment(services, "kafka-ui"))
                .containsEntry("KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_CLUSTERS_0_READONLY", "true");
        assertThat(environment(services, "kafka-ui").get("KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG"))
                .startsWith(SCRAM)
                .contains("username=\"kafka-ui\"");
        // Nothing talks to Kafka before kafka-setup has made its user, topics and ACLs.
        for (String client : List.of("draft-service", "cart-service", "order-service", "payment-service", "registry")) {
            assertThat(String.valueOf(section(services, client).get("depends_on")))
                    .as(client)
                    .contains("kafka-setup={condition=service_completed_successfully}");
        }
    }

    @Test
    void theAclSetupGrantsExactlyTheAccessMatrix() throws IOException {
        assertThat(grants())
                .containsExactlyInAnyOrder(
                        // draft-service: the orchestrator
                        "draft-service Read topic literal draft-order-requests",
                        "draft-service Read topic literal cart-events",
                        "draft-service Read topic literal payment-events",
                        "draft-service Read topic literal order-events",
                        "draft-service Write topic literal draft-order-events",
                        "draft-service Write topic literal cart-commands",
                        "draft-service Write topic literal payment-commands",
                        "draft-service Write topic literal order-commands",
                        "draft-service Write topic literal draft-order-requests-dlt",
                        "draft-service Write topic literal cart-events-dlt",
                        "draft-service Write topic literal payment-events-dlt",
                        "draft-service Write topic literal order-events-dlt",
                        "draft-service Read group literal draft-service",
                        "cart-service Read topic literal cart-commands",
                        "cart-service Write topic literal cart-events",
                        "cart-service Write topic literal cart-commands-dlt",
                        "cart-service Read group literal cart-service",
                        "payment-service Read topic literal payment-commands",
                        "payment-service Write topic literal payment-events",
                        "payment-service Write topic literal payment-commands-dlt",
                        "payment-service Read group literal payment-service",
                        "order-service Read topic literal order-commands",
                        "order-service Read topic literal payment-events",
                        "order-service Write topic literal order-events",
                        "order-service Write topic literal payment-commands",
                        "order-service Write topic literal order-commands-dlt",
                        "order-service Write topic literal payment-events-dlt",
                        "order-service Read group literal order-service",
                        "channel Write topic literal draft-order-requests",
                        "channel Read topic literal draft-order-events",
                        "channel Read group prefixed channel-",
                        "analytics Read topic literal draft-order-events",
                        "analytics Read topic literal order-events",
                        "analytics Read group prefixed analytics-",
                        "apicurio Create topic literal kafkasql-journal",
                        "apicurio Describe topic literal kafkasql-journal",
                        "apicurio Read topic literal kafkasql-journal",
                        "apicurio Write topic literal kafkasql-journal",
                        "apicurio Read group prefixed apicurio-registry-",
                        "kafka-ui Describe topic literal *",
                        "kafka-ui DescribeConfigs topic literal *",
                        "kafka-ui Read topic literal *",
                        "kafka-ui Describe group literal *",
                        "kafka-ui Describe cluster literal kafka-cluster",
                        "kafka-ui DescribeConfigs cluster literal kafka-cluster");
    }

    @Test
    void onlyChannelsWriteDraftOrderRequestsAndEveryEventTopicHasOneWriter() throws IOException {
        assertThat(writers("draft-order-requests")).containsExactly("channel");
        assertThat(writers("draft-order-events")).containsExactly("draft-service");
        assertThat(writers("cart-events")).containsExactly("cart-service");
        assertThat(writers("payment-events")).containsExactly("payment-service");
        assertThat(writers("order-events")).containsExactly("order-service");
        assertThat(readers("draft-order-events")).containsExactlyInAnyOrder("channel", "analytics", "kafka-ui");
        assertThat(readers("order-events")).containsExactlyInAnyOrder("draft-service", "analytics", "kafka-ui");
        assertThat(readers("payment-events")).containsExactlyInAnyOrder("draft-service", "order-service", "kafka-ui");
    }

    @Test
    void everyServiceMayDeadLetterWhatItConsumesAndNothingElse() throws IOException {
        for (String service : SERVICES) {
            Set<String> consumed = topicsWith(service, "Read");
            Set<String> deadLetters = topicsWith(service, "Write").stream()
                    .filter(topic -> topic.endsWith("-dlt"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(deadLetters)
                    .as(service)
                    .isEqualTo(consumed.stream().map(t -> t + "-dlt").collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void kafkaSetupCreatesTheTopicCatalogWithItsDeadLetterTopics() throws IOException {
        String setup = Files.readString(SETUP);
        Matcher topics = Pattern.compile("(?m)^TOPICS=\\(([^)]*)\\)").matcher(setup);
        assertThat(topics.find()).isTrue();
        assertThat(topics.group(1).trim().split("\\s+"))
                .containsExactlyInAnyOrderElementsOf(
                        Topics.ALL.stream().map(Topic::name).toList());
        assertThat(setup).contains("\"$topic-dlt\"").contains("PARTITIONS=" + Topics.PARTITIONS + "\n");
        for (Topic<String, ?> topic : Topics.ALL) {
            assertThat(topic.partitions()).isEqualTo(Topics.PARTITIONS);
            assertThat(topic.deadLetterTopic()).isEqualTo(topic.name() + "-dlt");
        }
    }

    /** One line per (principal, operation, resource): "principal Operation type pattern name". */
    private static List<String> grants() throws IOException {
        List<String> grants = new ArrayList<>();
        for (String line : Files.readAllLines(ACLS)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            for (String operation : f[1].split(",")) {
                for (String name : Arrays.copyOfRange(f, 4, f.length)) {
                    grants.add(String.join(" ", f[0], operation, f[2], f[3], name));
                }
            }
        }
        return grants;
    }

    private static Set<String> principals() throws IOException {
        return grants().stream().map(g -> g.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> topicsWith(String principal, String operation) throws IOException {
        return grants().stream()
                .map(g -> g.split(" "))
                .filter(g -> g[0].equals(principal) && g[1].equals(operation) && g[2].equals("topic"))
                .map(g -> g[4])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> principalsWith(String operation, String topic) throws IOException {
        return grants().stream()
                .map(g -> g.split(" "))
                .filter(g -> g[1].equals(operation) && g[2].equals("topic") && g[3].equals("literal"))
                .filter(g -> g[4].equals(topic) || g[4].equals("*"))
                .map(g -> g[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> writers(String topic) throws IOException {
        return principalsWith("Write", topic);
    }

    private static Set<String> readers(String topic) throws IOException {
        return principalsWith("Read", topic);
    }

    static String passwordVariable(String principal) {
        return principal.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD";
    }

    private static Map<String, Object> composeServices() throws IOException {
        return section(new Yaml().load(Files.readString(COMPOSE_FILE)), "services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Object yaml, String key) {
        return (Map<String, Object>) ((Map<String, Object>) yaml).get(key);
    }

    private static Map<String, String> environment(Map<String, Object> services, String service) {
        Map<String, Object> env = section(services.get(service), "environment");
        assertThat(env).as(service + " environment").isNotNull();
        return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
