package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The four services' part of docker-compose.yml, checked without starting anything: every variable binds to a
 * setting of that service (as Spring Boot maps environment variables to properties, against the configuration
 * metadata of Boot, messaging and the service), no service keeps a default that points at its own container
 * (127.0.0.1 or localhost), every address names a compose service on a port it listens on, and the token settings
 * name the issuer, keys and audience of the compose Keycloak realm. The last tests show that each check catches the
 * mistake it is for. {@link ComposeStackEndToEndTest} then runs the services with these environments.
 */
@Tag("e2e")
class ComposeEnvironmentTest {

    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final List<Setting> SETTINGS = settings();
    private static final Pattern LOOPBACK = Pattern.compile("\\b(127\\.0\\.0\\.1|localhost)\\b");
    private static final Pattern ADDRESS = Pattern.compile("([a-z][a-z0-9-]*):(\\d+)");

    @Test
    void everyVariableOfAServiceBindsToASettingOfThatService() {
        for (String service : ComposeFile.SERVICES) {
            assertThat(unbound(service, COMPOSE.environment(service)))
                    .as(service)
                    .isEmpty();
        }
    }

    @Test
    void noServiceKeepsADefaultAddressThatPointsAtItsOwnContainer() {
        for (String service : ComposeFile.SERVICES) {
            assertThat(loopbackDefaultsLeft(service, COMPOSE.environment(service)))
                    .as(service)
                    .isEmpty();
        }
        // the check knows the defaults that broke compose before: the draft-service's cart-service URL among them
        assertThat(loopbackDefaults("draft-service"))
                .containsKeys(
                        "draftorders.drafts.cart-service-url",
                        "draftorders.drafts.invoice.base-url",
                        "draftorders.messaging.registry-url",
                        "spring.kafka.bootstrap-servers",
                        "spring.mongodb.uri");
    }

    @Test
    void everyAddressAServiceIsGivenNamesAComposeServiceOnAPortItListensOn() {
        for (String service : ComposeFile.SERVICES) {
            assertThat(unreachableAddresses(COMPOSE.environment(service)))
                    .as(service)
                    .isEmpty();
        }
    }

    @Test
    void everyServiceWritesToTheReplicaSetWithMajorityJournaledWrites() {
        List<String> mongod = COMPOSE.list("mongo", "command");
        String replicaSet = mongod.get(mongod.indexOf("--replSet") + 1);
        for (String service : ComposeFile.SERVICES) {
            assertThat(COMPOSE.environment(service).get("SPRING_MONGODB_URI"))
                    .as(service)
                    .startsWith("mongodb://mongo:27017/")
                    .contains("replicaSet=" + replicaSet)
                    .contains("w=majority")
                    .contains("journal=true");
        }
    }

    @Test
    void theServicesVerifyTokensWithTheIssuerKeysAndAudienceOfTheComposeRealm() {
        for (String service : ComposeFile.SERVICES) {
            assertThat(tokenSettingProblems(COMPOSE.environment(service)))
                    .as(service)
                    .isEmpty();
        }
    }

    @Test
    void aMisspelledVariableAServiceThatDoesNotReadItAndAMissingUrlAreCaught() {
        Map<String, String> draft = new LinkedHashMap<>(COMPOSE.environment("draft-service"));
        String url = draft.remove("DRAFTORDERS_DRAFTS_CART_SERVICE_URL");
        assertThat(loopbackDefaultsLeft("draft-service", draft))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("draftorders.drafts.cart-service-url");

        draft.put("DRAFTORDERS_DRAFT_CART_SERVICE_URL", url);
        assertThat(unbound("draft-service", draft)).containsExactly("DRAFTORDERS_DRAFT_CART_SERVICE_URL");

        Map<String, String> cart = new LinkedHashMap<>(COMPOSE.environment("cart-service"));
        cart.put("DRAFTORDERS_DRAFTS_CART_SERVICE_URL", url);
        assertThat(unbound("cart-service", cart)).containsExactly("DRAFTORDERS_DRAFTS_CART_SERVICE_URL");

        Map<String, String> order = new LinkedHashMap<>(COMPOSE.environment("order-service"));
        order.put("DRAFTORDERS_MESSAGING_REGISTRY_URL", "http://registry:8085/apis/registry/v2");
        assertThat(unreachableAddresses(order)).containsExactly("registry:8085");
    }

    @Test
    void aWrongIssuerKeySetOrAudienceIsCaught() {
        Map<String, String> env = new LinkedHashMap<>(COMPOSE.environment("payment-service"));
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://keycloak:8080/realms/draft-orders");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "account");
        assertThat(tokenSettingProblems(env)).hasSize(2);
        env.remove("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
        assertThat(tokenSettingProblems(env)).hasSize(3);
    }

    /** The variables of {@code environment} that bind to no setting of {@code service}. */
    static List<String> unbound(String service, Map<String, String> environment) {
        List<Setting> known = SETTINGS.stream().filter(s -> s.of(service)).toList();
        List<String> unbound = new ArrayList<>();
        environment.forEach((variable, value) -> {
            ConfigurationPropertySource source = Setting.source(variable, value);
            if (known.stream().noneMatch(setting -> setting.boundBy(source))) {
                unbound.add(variable);
            }
        });
        return unbound;
    }

    /** Settings of {@code service} whose default names 127.0.0.1 or localhost and that no variable overrides. */
    static List<String> loopbackDefaultsLeft(String service, Map<String, String> environment) {
        List<String> left = new ArrayList<>();
        loopbackDefaults(service).forEach((property, value) -> {
            Setting setting = new Setting(property, "java.lang.String", null, null);
            if (environment.entrySet().stream()
                    .noneMatch(e -> setting.boundBy(Setting.source(e.getKey(), e.getValue())))) {
                left.add(
                        property + " keeps its default " + value + ", which in compose is the service's own container");
            }
        });
        return left;
    }

    /**
     * {@code service}'s settings with a loopback default: from its {@code <service>.yml} and from the metadata of its
     * own and messaging's {@code @ConfigurationProperties}.
     */
    static Map<String, String> loopbackDefaults(String service) {
        Map<String, String> defaults = new LinkedHashMap<>();
        try (InputStream yml = ComposeEnvironmentTest.class.getResourceAsStream("/" + service + ".yml")) {
            flatten("", new Yaml().load(yml), defaults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Setting setting : SETTINGS) {
            if (setting.sourceType() != null
                    && setting.sourceType().startsWith("com.draftorders.")
                    && setting.of(service)) {
                defaults.putIfAbsent(setting.name(), setting.defaultValue());
            }
        }
        defaults.values()
                .removeIf(value -> value == null || !LOOPBACK.matcher(value).find());
        return defaults;
    }

    /** Addresses ({@code host:port}) in the values that are not a compose service listening on that port. */
    static List<String> unreachableAddresses(Map<String, String> environment) {
        List<String> unreachable = new ArrayList<>();
        for (String value : environment.values()) {
            for (String part : value.split("[,\\s]+")) {
                String withoutScheme = part.replaceFirst("^[a-z]+://", "");
                Matcher m = ADDRESS.matcher(withoutScheme);
                if (m.lookingAt() && !m.group(1).equals("localhost")) {
                    String host = m.group(1);
                    int port = Integer.parseInt(m.group(2));
                    if (!COMPOSE.serviceNames().contains(host)
                            || !listensOn(host).contains(port)) {
                        unreachable.add(host + ":" + port);
                    }
                }
            }
        }
        return unreachable;
    }

    /** The container ports a compose service listens on: what it publishes, and Kafka's listeners. */
    private static List<Integer> listensOn(String host) {
        List<Integer> ports = new ArrayList<>(COMPOSE.publishedPorts(host).values());
        String listeners = COMPOSE.environment(host).get("KAFKA_LISTENERS");
        if (listeners != null) {
            Matcher m = Pattern.compile(":(\\d+)").matcher(listeners);
            while (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }

    /** What is wrong with a service's token settings, against the compose Keycloak and its realm file. */
    static List<String> tokenSettingProblems(Map<String, String> environment) {
        JsonNode realm = realm();
        String name = realm.path("realm").asString();
        String issuer = COMPOSE.environment("keycloak").get("KC_HOSTNAME") + "/realms/" + name;
        String keys = "http://keycloak:" + COMPOSE.containerPort("keycloak") + "/realms/" + name
                + "/protocol/openid-connect/certs";
        List<String> audiences = new ArrayList<>();
        realm.path("clients")
                .forEach(client -> client.path("protocolMappers").forEach(mapper -> {
                    if (mapper.path("protocolMapper").asString().equals("oidc-audience-mapper")) {
                        audiences.add(mapper.path("config")
                                .path("included.custom.audience")
                                .asString());
                    }
                }));
        List<String> problems = new ArrayList<>();
        String prefix = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_";
        if (!issuer.equals(environment.get(prefix + "ISSUER_URI"))) {
            problems.add(prefix + "ISSUER_URI is not the issuer Keycloak stamps on its tokens, " + issuer);
        }
        if (!keys.equals(environment.get(prefix + "JWK_SET_URI"))) {
            problems.add(prefix + "JWK_SET_URI is not the realm's key set inside the network, " + keys);
        }
        if (!audiences.contains(environment.get(prefix + "AUDIENCES"))) {
            problems.add(prefix + "AUDIENCES is none of the audiences the realm puts in tokens, " + audiences);
        }
        return problems;
    }

    private static JsonNode realm() {
        Path dir = COMPOSE.volumeSource("keycloak", "/opt/keycloak/data/import");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> realms =
                    files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(realms).as("realm files in " + dir).hasSize(1);
            return Rest.JSON.readTree(Files.readString(realms.get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix + key + ".", value, into));
        } else if (node != null && !(node instanceof List<?>)) {
            into.put(prefix.substring(0, prefix.length() - 1), String.valueOf(node));
        }
    }

    /**
     * One setting from the configuration metadata on the class path ({@code META-INF/spring-configuration-metadata.json}
     * of Boot's modules, messaging and the four services).
     */
    record Setting(String name, String type, String sourceType, String defaultValue) {

        private static final Map<String, String> PACKAGES = Map.of(
                "draft-service", "com.draftorders.draft.",
                "cart-service", "com.draftorders.cart.",
                "order-service", "com.draftorders.order.",
                "payment-service", "com.draftorders.payment.");

        /** Whether {@code service} has this setting: Boot's and messaging's are everyone's, the others their own. */
        boolean of(String service) {
            return sourceType == null
                    || !sourceType.startsWith("com.draftorders.")
                    || sourceType.startsWith("com.draftorders.messaging.")
                    || sourceType.startsWith(PACKAGES.get(service));
        }

        /** One environment variable as Spring Boot reads the process environment (relaxed binding). */
        static ConfigurationPropertySource source(String variable, String value) {
            return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, value)));
        }

        /** Whether Spring Boot binds the variable of {@code environment} ({@link #source}) to this setting. */
        boolean boundBy(ConfigurationPropertySource environment) {
            ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
            return environment.getConfigurationProperty(property) != null
                    || (type != null
                            && type.startsWith("java.util.Map<")
                            && environment.containsDescendantOf(property) == ConfigurationPropertyState.PRESENT);
        }
    }

    private static List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        try {
            for (URL url : Collections.list(ComposeEnvironmentTest.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : Rest.JSON.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (ConfigurationPropertyName.isValid(name)) {
                            settings.add(new Setting(
                                    name,
                                    text(property, "type").orElse(null),
                                    text(property, "sourceType").orElse(null),
                                    text(property, "defaultValue").orElse(null)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isValueNode() ? value.asString() : value.toString());
    }
}
