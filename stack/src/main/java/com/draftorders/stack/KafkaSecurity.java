package com.draftorders.stack;

import com.draftorders.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The locked-down mode of the embedded stack ({@code --secure}): the broker takes only SASL/SCRAM-SHA-512 clients
 * and allows each principal exactly what {@code compose/kafka/acls.conf} grants (the file compose's kafka-setup reads,
 * packaged into the stack as {@code /kafka/acls.conf}), with {@code allow.everyone.if.no.acl.found=false}. {@code admin}
 * (and the controller) are super users. Every principal's password is generated once and kept in
 * {@code <data dir>/kafka/credentials.properties}, so a restart on the same data directory keeps them.
 */
public final class KafkaSecurity {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";
    static final String CONTROLLER = "controller";
    static final String ACLS_RESOURCE = "/kafka/acls.conf";

    private final Path credentialsFile;
    private final boolean credentialsExisted;
    private final Map<String, String> passwords;
    private final List<Grant> grants;

    /** One line of acls.conf: a principal may do {@code operations} on {@code names} of {@code type}. */
    record Grant(String principal, List<String> operations, String type, String pattern, List<String> names) {}

    KafkaSecurity(Path kafkaDir) {
        this.credentialsFile = kafkaDir.resolve("credentials.properties");
        this.credentialsExisted = Files.exists(credentialsFile);
        this.grants = grants(aclsConf());
        Set<String> principals = new LinkedHashSet<>(List.of(ADMIN, CONTROLLER));
        grants.forEach(g -> principals.add(g.principal()));
        this.passwords = loadOrCreate(principals);
    }

    /** Whether the data directory held this mode's credentials before (a plain broker's may not be reused). */
    boolean credentialsExisted() {
        return credentialsExisted;
    }

    static String aclsConf() {
        try (InputStream in = KafkaSecurity.class.getResourceAsStream(ACLS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ACLS_RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Grant> grants(String conf) {
        List<Grant> grants = new ArrayList<>();
        for (String line : conf.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            grants.add(new Grant(
                    parts[0],
                    List.of(parts[1].split(",")),
                    parts[2],
                    parts[3],
                    List.of(parts).subList(4, parts.length)));
        }
        return grants;
    }

    private Map<String, String> loadOrCreate(Set<String> principals) {
        Properties stored = new Properties();
        try {
            if (Files.exists(credentialsFile)) {
                try (var reader = Files.newBufferedReader(credentialsFile)) {
                    stored.load(reader);
                }
            }
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            for (String principal : principals) {
                if (stored.getProperty(principal) == null) {
                    byte[] secret = new byte[18];
                    random.nextBytes(secret);
                    stored.setProperty(principal, HexFormat.of().formatHex(secret));
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(credentialsFile.getParent());
                try (var writer = Files.newBufferedWriter(credentialsFile)) {
                    stored.store(writer, "SASL/SCRAM passwords of the embedded stack's --secure mode, per principal");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        principals.forEach(p -> passwords.put(p, stored.getProperty(p)));
        return Map.copyOf(passwords);
    }

    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no principal " + principal + " in acls.conf");
        }
        return password;
    }

    /** The principals acls.conf names (without admin and the controller). */
    public List<String> principals() {
        return grants.stream().map(Grant::principal).distinct().toList();
    }

    /** A Kafka client's settings to authenticate as {@code principal}. */
    public Map<String, Object> clientProperties(String principal) {
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                MECHANISM,
                "sasl.jaas.config",
                jaas(principal));
    }

    String jaas(String principal) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password(principal) + "\";";
    }

    /** Spring Boot's Kafka properties for a service that authenticates as itself and creates no topics. */
    List<String> serviceArguments(String principal) {
        return List.of(
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=" + MECHANISM,
                "--spring.kafka.properties.sasl.jaas.config=" + jaas(principal),
                "--draftorders.messaging.create-topics=false");
    }

    /** The broker's settings besides the listeners' addresses (see {@link KafkaBroker}). */
    List<String> brokerProperties(String host, int port, int controllerPort) {
        String controllerPassword = password(CONTROLLER);
        return List.of(
                "listeners=SASL_PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://" + host + ":" + port,
                "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + jaas(ADMIN).replace("\\", "\\\\"),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"" + CONTROLLER + "\" password=\"" + controllerPassword
                        + "\" user_" + CONTROLLER + "=\"" + controllerPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN + ";User:" + CONTROLLER,
                "allow.everyone.if.no.acl.found=false");
    }

    /** The argument of {@code kafka-storage format --add-scram}: the super user exists before the broker starts. */
    String formatScram() {
        return MECHANISM + "=[name=" + ADMIN + ",password=" + password(ADMIN) + "]";
    }

    /**
     * As admin: a SCRAM user for every principal of acls.conf, the catalog's topics with their dead-letter topics, and
     * exactly the ACLs of acls.conf (adding one that exists changes nothing).
     */
    void setUp(String bootstrap) {
        Map<String, Object> config = new HashMap<>(clientProperties(ADMIN));
        config.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(config)) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String principal : principals()) {
                users.add(new UserScramCredentialUpsertion(
                        principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(principal)));
            }
            admin.alterUserScramCredentials(users).all().get();
            List<NewTopic> topics = new ArrayList<>();
            for (var topic : Topics.ALL) {
                for (String name : List.of(topic.name(), topic.name() + "-dlt")) {
                    topics.add(new NewTopic(name, Topics.PARTITIONS, (short) 1));
                }
            }
            var created = admin.createTopics(topics);
            for (var future : created.values().values()) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            admin.createAcls(bindings()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("setting up the secure broker failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : grants) {
            ResourceType type = switch (grant.type()) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "cluster" -> ResourceType.CLUSTER;
                default -> throw new IllegalStateException("unknown resource type " + grant.type());
            };
            PatternType pattern = PatternType.fromString(grant.pattern().toUpperCase(Locale.ROOT));
            for (String operation : grant.operations()) {
                AclOperation op = AclOperation.fromString(
                        operation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
                if (op == AclOperation.UNKNOWN) {
                    throw new IllegalStateException("unknown operation " + operation + " in acls.conf");
                }
                for (String name : grant.names()) {
                    bindings.add(new AclBinding(
                            new ResourcePattern(type, type == ResourceType.CLUSTER ? "kafka-cluster" : name, pattern),
                            new AccessControlEntry("User:" + grant.principal(), "*", op, AclPermissionType.ALLOW)));
                }
            }
        }
        return bindings;
    }
}
