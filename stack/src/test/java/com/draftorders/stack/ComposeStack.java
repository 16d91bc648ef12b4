package com.draftorders.stack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The services of docker-compose.yml without Docker: each of the four in a JVM of its own, started from the jar its
 * image runs ({@code <service>/target/<service>-*-exec.jar}, the Dockerfile's {@code COPY}) with exactly the
 * environment compose gives it, in front of infrastructure that plays compose's containers on 127.0.0.1
 * ({@link ComposeNetwork}: host names through a hosts file, ports remapped to free ones):
 *
 * <ul>
 *   <li>{@code kafka}: a real broker configured from the compose service's own {@code KAFKA_*} variables (the image's
 *       mapping to server.properties, as compose/kafka/broker.sh applies it), so SASL/SCRAM-SHA-512 on every
 *       listener and the StandardAuthorizer without ACLs allowing nothing; formatted with the SCRAM user admin as
 *       broker.sh does. Then what {@code kafka-setup} does, as admin: a user per principal of acls.conf with the
 *       compose default password, the topics of setup.sh with their dead-letter topics, the ACLs of acls.conf;
 *   <li>{@code mongo}: the embedded MongoDB server answering {@code hello} as the primary of the replica set the
 *       compose mongod runs ({@code --replSet}) with the member address its health check initiates;
 *   <li>{@code registry}: Apicurio Registry, the same version as the image, with in-file storage instead of kafkasql;
 *   <li>{@code keycloak}: the Keycloak distribution of the image's version, run by its own {@code kc.sh} with the
 *       compose command, environment and realm import directory (it needs Java 21+, see {@link #keycloakJava}).
 * </ul>
 *
 * The only variables added to a compose environment are where the process listens, which in compose is the
 * container's own address: {@code SERVER_ADDRESS}/{@code SERVER_PORT} for the services, {@code KC_HTTP_HOST}/
 * {@code KC_HTTP_PORT} for Keycloak (plus its {@code JAVA_HOME} and {@code PATH}, which the image sets).
 */
final class ComposeStack implements AutoCloseable {

    static final Path KEYCLOAK_DISTS = Path.of("target", "keycloak").toAbsolutePath();
    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:";

    /** Variables of the kafka image that are not broker settings (kafka.docker.KafkaDockerWrapper, broker.sh). */
    private static final Set<String> NOT_BROKER_SETTINGS = Set.of(
            "KAFKA_VERSION",
            "KAFKA_HEAP_OPTS",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_LOG4J_LOGGERS",
            "KAFKA_TOOLS_LOG4J_LOGLEVEL",
            "KAFKA_JMX_HOSTNAME");

    private final ComposeFile compose;
    private final ComposeNetwork network;
    private final Path dataDir;
    private final Path logs;
    private final Path hostsFile;
    private final Path keycloakJava;
    private final List<ChildProcess> processes = new ArrayList<>();
    private MongoServer mongo;
    private SchemaRegistry registry;

    /**
     * @param keycloakJava home of a JDK 21+ for Keycloak
     */
    ComposeStack(ComposeFile compose, Path dataDir, Path keycloakJava) {
        this.compose = compose;
        this.network = new ComposeNetwork(compose);
        this.dataDir = dataDir;
        this.logs = dataDir.resolve("logs");
        this.hostsFile = network.hostsFile(dataDir);
        this.keycloakJava = keycloakJava;
        // nothing left running when the test JVM ends early
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "compose-stack-shutdown"));
    }

    ComposeNetwork network() {
        return network;
    }

    Path logs() {
        return logs;
    }

    /** Starts everything and waits until the four services are healthy and Keycloak serves the realm. */
    ComposeStack start(String realm) {
        // Keycloak takes longest (its first start builds itself); the services need it only for the first token.
        ChildProcess keycloak = startKeycloak();
        startMongo();
        CompletableFuture<Void> kafka = CompletableFuture.runAsync(this::startKafka);
        int registryPort = network.port("registry", compose.containerPort("registry"));
        registry = new SchemaRegistry(new StackSettings(dataDir, 0, 0, 0, registryPort, 0, 0, 0, 0, null, false));
        registry.start();
        kafka.join();
        setUpKafka();
        List<ChildProcess> services = new ArrayList<>();
        for (String service : ComposeFile.SERVICES) {
            services.add(startService(service));
        }
        for (int i = 0; i < services.size(); i++) {
            String service = ComposeFile.SERVICES.get(i);
            ChildProcess process = services.get(i);
            String health =
                    "http://127.0.0.1:" + network.port(service, compose.containerPort(service)) + "/actuator/health";
            Readiness.await(service + " health (" + process.log() + ")", Duration.ofSeconds(180), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(service + " exited; see " + process.log());
                }
                return Readiness.httpOk(health);
            });
        }
        String discovery = "http://127.0.0.1:" + network.port("keycloak", compose.containerPort("keycloak"))
                + "/realms/" + realm + "/.well-known/openid-configuration";
        Readiness.await("keycloak (" + keycloak.log() + ")", Duration.ofSeconds(300), () -> {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("keycloak exited; see " + keycloak.log());
            }
            return Readiness.httpOk(discovery);
        });
        return this;
    }

    /** A service's environment as compose gives it, its addresses remapped. */
    Map<String, String> environment(String service) {
        return network.rewrite(compose.environment(service));
    }

    private ChildProcess startService(String service) {
        Map<String, String> environment = new LinkedHashMap<>(environment(service));
        environment.put("SERVER_ADDRESS", StackSettings.HOST);
        environment.put("SERVER_PORT", String.valueOf(network.port(service, compose.containerPort(service))));
        List<String> command = List.of(
                java(Path.of(System.getProperty("java.home"))),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djdk.net.hosts.file=" + hostsFile,
                "-jar",
                execJar(service).toString());
        return started(ChildProcess.start(service, logs, command, environment));
    }

    /** The jar the Dockerfile copies into the service's image; it must be newer than the classes it packages. */
    static Path execJar(String service) {
        Path target = ComposeFile.ROOT.resolve(service).resolve("target");
        String hint = " (the test runs the jars the images run: build them in the same run, e.g. ./mvnw -B verify"
                + " -pl stack -am)";
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(service) + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + service + "-*-exec.jar in " + target + hint));
            long packaged = Files.getLastModifiedTime(jar).toMillis();
            for (String module : List.of(service, "messaging", "schemas")) {
                long compiled = newest(ComposeFile.ROOT.resolve(module).resolve("target/classes"));
                if (compiled > packaged) {
                    throw new IllegalStateException(jar + " is older than " + module + "'s classes" + hint);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + hint, e);
        }
    }

    private static long newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().lastModified())
                    .max()
                    .orElse(0);
        }
    }

    private void startMongo() {
        // `mongod --replSet rs0` initiated by the health check with members [{host: 'mongo:27017'}]
        List<String> command = compose.list("mongo", "command");
        String setName = command.get(command.indexOf("--replSet") + 1);
        Matcher member =
                Pattern.compile("host: '([^']+)'").matcher(String.join(" ", compose.list("mongo", "healthcheck.test")));
        if (!member.find()) {
            throw new IllegalStateException("the mongo health check initiates no replica set member");
        }
        try {
            Path dir = Files.createDirectories(dataDir.resolve("mongo"));
            mongo = new MongoServer(new ReplicaSetMember(
                    dir.resolve("mongo.mv").toString(), setName, network.rewrite(member.group(1))));
            mongo.bind(StackSettings.HOST, network.port("mongo", 27017));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker from compose's KAFKA_* variables, formatted with the SCRAM user admin as broker.sh does. */
    private void startKafka() {
        Map<String, String> environment = environment("kafka");
        Path dir = dataDir.resolve("kafka");
        List<String> properties = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_") || NOT_BROKER_SETTINGS.contains(name)) {
                return;
            }
            String key = name.substring("KAFKA_".length())
                    .toLowerCase()
                    .replace('_', '.')
                    .replace("...", "-")
                    .replace("..", "_");
            String setting = switch (key) {
                // the container's listeners bind every interface of the container: here 127.0.0.1
                case "listeners" -> bindListeners(value);
                case "log.dirs" -> dir.resolve("data").toString();
                default -> value;
            };
            properties.add(key + "=" + setting.replace("\\", "\\\\").replace("\n", " "));
        });
        try {
            Files.createDirectories(dir);
            Path config = Files.write(dir.resolve("server.properties"), properties);
            Path logging = Files.writeString(dir.resolve("logback.xml"), KafkaBroker.LOGBACK);
            List<String> jvm = List.of(
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Djdk.net.hosts.file=" + hostsFile,
                    "-Dlogback.configurationFile=" + logging,
                    "-cp",
                    System.getProperty("java.class.path"));
            ChildProcess.runJava(
                    "kafka-format",
                    logs,
                    jvm,
                    List.of(
                            "kafka.tools.StorageTool",
                            "format",
                            "--cluster-id",
                            environment.get("CLUSTER_ID"),
                            "--config",
                            config.toString(),
                            "--add-scram",
                            "SCRAM-SHA-512=[name=admin,password=" + environment.get("ADMIN_KAFKA_PASSWORD") + "]"));
            ChildProcess broker =
                    started(ChildProcess.startJava("kafka", logs, jvm, List.of("kafka.Kafka", config.toString())));
            int internal = network.port("kafka", 9092);
            Readiness.await("Kafka broker (" + broker.log() + ")", Duration.ofSeconds(90), () -> {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited; see " + broker.log());
                }
                return Readiness.portOpen(StackSettings.HOST, internal);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String bindListeners(String listeners) {
        Matcher m = Pattern.compile("(\\w+)://([^:,]*):(\\d+)").matcher(listeners);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = network.port("kafka", Integer.parseInt(m.group(3)));
            m.appendReplacement(out, m.group(1) + "://" + StackSettings.HOST + ":" + port);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What the one-shot kafka-setup service does (compose/kafka/setup.sh), as admin from the host. */
    private void setUpKafka() {
        Map<String, String> setup = environment("kafka-setup");
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                + setup.get("ADMIN_KAFKA_PASSWORD") + "\";";
        try (Admin admin = Admin.create(Map.of(
                "bootstrap.servers",
                "localhost:" + network.published(9092),
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "SCRAM-SHA-512",
                "sasl.jaas.config",
                jaas))) {
            List<String[]> grants = grants();
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String principal : new TreeSet<>(grants.stream().map(g -> g[0]).toList())) {
                String variable = principal.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD";
                String password = Optional.ofNullable(setup.get(variable))
                        .orElseThrow(() -> new IllegalStateException("kafka-setup sets no " + variable));
                users.add(new UserScramCredentialUpsertion(
                        principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
            }
            admin.alterUserScramCredentials(List.copyOf(users)).all().get();
            short replication = Short.parseShort(setup.getOrDefault("REPLICATION_FACTOR", "1"));
            List<NewTopic> topics = new ArrayList<>();
            String script = Files.readString(ComposeFile.ROOT.resolve("compose/kafka/setup.sh"));
            int partitions = Integer.parseInt(match(script, "(?m)^PARTITIONS=(\\d+)$"));
            for (String topic :
                    match(script, "(?m)^TOPICS=\\(([^)]*)\\)").trim().split("\\s+")) {
                topics.add(new NewTopic(topic, partitions, replication));
                topics.add(new NewTopic(topic + "-dlt", partitions, replication));
            }
            admin.createTopics(topics).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (String[] g : grants) {
                ResourceType type = ResourceType.valueOf(g[2].toUpperCase());
                PatternType pattern = PatternType.valueOf(g[3].toUpperCase());
                for (String operation : g[1].split(",")) {
                    for (int i = 4; i < g.length; i++) {
                        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : g[i];
                        acls.add(new AclBinding(
                                new ResourcePattern(type, name, pattern),
                                new AccessControlEntry(
                                        "User:" + g[0],
                                        "*",
                                        // DescribeConfigs -> DESCRIBE_CONFIGS
                                        AclOperation.valueOf(operation
                                                .replaceAll("(?<=[a-z])(?=[A-Z])", "_")
                                                .toUpperCase()),
                                        AclPermissionType.ALLOW)));
                    }
                }
            }
            admin.createAcls(acls).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("setting up Kafka as kafka-setup does failed", e);
        }
    }

    /** The lines of compose/kafka/acls.conf: principal, operations, resource type, pattern type, names. */
    private static List<String[]> grants() throws IOException {
        List<String[]> grants = new ArrayList<>();
        for (String line : Files.readAllLines(ComposeFile.ROOT.resolve("compose/kafka/acls.conf"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                grants.add(line.strip().split("\\s+"));
            }
        }
        return grants;
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in compose/kafka/setup.sh");
        }
        return m.group(1);
    }

    private ChildProcess startKeycloak() {
        String image = compose.image("keycloak");
        if (!image.startsWith(KEYCLOAK_IMAGE)) {
            throw new IllegalStateException("compose's keycloak is not " + KEYCLOAK_IMAGE + "*: " + image);
        }
        Path home = KEYCLOAK_DISTS.resolve("keycloak-" + image.substring(KEYCLOAK_IMAGE.length()));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " is missing: keycloak.version in pom.xml must be the tag of"
                    + " compose's image (" + image + "), and the stack module's build unpacks it");
        }
        try {
            // a new container: no database yet, the realm files compose mounts at data/import
            Path data = home.resolve("data");
            deleteRecursively(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            try (Stream<Path> files = Files.list(compose.volumeSource("keycloak", "/opt/keycloak/data/import"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, imports.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new LinkedHashMap<>(environment("keycloak"));
        environment.put("KC_HTTP_HOST", StackSettings.HOST);
        environment.put("KC_HTTP_PORT", String.valueOf(network.port("keycloak", compose.containerPort("keycloak"))));
        environment.put("JAVA_HOME", keycloakJava.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        List<String> command =
                new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(compose.list("keycloak", "command"));
        return started(ChildProcess.start("keycloak", logs, command, environment));
    }

    /**
     * A JDK of version 21 or later for Keycloak 26: {@code -Ddraftorders.keycloak.java-home}, else this JVM if it is
     * one, else the newest under {@code /usr/lib/jvm} (the machines here have Temurin 25 beside the default 17).
     */
    static Optional<Path> keycloakJava() {
        String configured = System.getProperty("draftorders.keycloak.java-home");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        Path self = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return Optional.of(self);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> javaVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(ComposeStack::javaVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int javaVersion(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String java(Path home) {
        return home.resolve("bin").resolve("java").toString();
    }

    private ChildProcess started(ChildProcess process) {
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    public synchronized void close() {
        List<ChildProcess> running;
        synchronized (processes) {
            running = new ArrayList<>(processes);
            processes.clear();
        }
        // services first, then the infrastructure they use
        Collections.reverse(running);
        for (ChildProcess process : running) {
            process.stop();
        }
        if (registry != null) {
            registry.stop();
            registry = null;
        }
        if (mongo != null) {
            mongo.shutdownNow();
            mongo = null;
        }
    }
}
