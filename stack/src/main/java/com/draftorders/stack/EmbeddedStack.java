package com.draftorders.stack;

import com.draftorders.cart.CartServiceApplication;
import com.draftorders.draft.DraftServiceApplication;
import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import com.draftorders.order.OrderServiceApplication;
import com.draftorders.payment.PaymentServiceApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole system on one machine without Docker: a real Kafka broker and Apicurio Registry in child JVMs, the
 * MongoDB wire-protocol server and the four services in this JVM. Everything persists under one data directory,
 * so a second start keeps drafts, messages and schema ids.
 *
 * <p>Run: {@code java -jar stack/target/stack.jar [--data-dir=DIR]}; stop with Ctrl-C or
 * {@code java -jar stack/target/stack.jar stop [--data-dir=DIR]}; mint a token with {@code ... token --store=acme
 * --scopes=read_draft_orders} (see {@link StackControl}).
 */
public final class EmbeddedStack implements AutoCloseable {

    private final StackSettings settings;
    private final List<String> serviceArguments;
    private final EmbeddedMongo mongo;
    private final KafkaBroker kafka;
    private final SchemaRegistry registry;
    private final List<ServiceInstance> services = new ArrayList<>();
    private final boolean servicesInOwnProcesses;
    private final KafkaSecurity security;

    public EmbeddedStack(StackSettings settings, List<String> serviceArguments) {
        this(settings, serviceArguments, false);
    }

    /**
     * @param servicesInOwnProcesses run each service in a JVM of its own (so a test can kill it abruptly) instead of
     *     in this one
     */
    public EmbeddedStack(StackSettings settings, List<String> serviceArguments, boolean servicesInOwnProcesses) {
        this(settings, serviceArguments, servicesInOwnProcesses, false);
    }

    /**
     * @param secure lock the broker down ({@code --secure}): SASL/SCRAM users and the ACLs of
     *     {@code compose/kafka/acls.conf}, each service authenticating as its own principal ({@link KafkaSecurity})
     */
    public EmbeddedStack(
            StackSettings settings, List<String> serviceArguments, boolean servicesInOwnProcesses, boolean secure) {
        // One logging configuration (logback.xml) for the whole JVM instead of four contexts fighting over it.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        this.settings = settings;
        this.serviceArguments = List.copyOf(serviceArguments);
        this.mongo = new EmbeddedMongo(settings);
        this.security = secure ? new KafkaSecurity(settings.dataDir().resolve("kafka")) : null;
        this.kafka = new KafkaBroker(settings, security);
        this.registry = new SchemaRegistry(settings);
        this.servicesInOwnProcesses = servicesInOwnProcesses;
        services.add(service("draft-service", DraftServiceApplication.class, settings.draftPort()));
        services.add(service("cart-service", CartServiceApplication.class, settings.cartPort()));
        services.add(service("order-service", OrderServiceApplication.class, settings.orderPort()));
        services.add(service("payment-service", PaymentServiceApplication.class, settings.paymentPort()));
        if (settings.devSecret() != null) {
            for (ServiceInstance service : services) {
                DEV_SECRETS.put(service.url(), settings.devSecret());
            }
        }
    }

    /** Development secrets of the stacks created in this JVM, by service URL, for {@link #devSecretFor}. */
    private static final Map<String, String> DEV_SECRETS = new ConcurrentHashMap<>();

    /** How long the development token printed at startup stays valid. */
    static final Duration DEV_TOKEN_TTL = Duration.ofHours(24);

    /**
     * The development secret of the stack (created in this JVM) serving {@code url}, so a client knowing only a
     * service's address can mint tokens for it.
     */
    public static Optional<String> devSecretFor(String url) {
        return DEV_SECRETS.entrySet().stream()
                .filter(e -> url.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** A development bearer token for {@code storeId} with {@code scopes}, valid for {@code ttl}. */
    public String mintToken(String storeId, Collection<String> scopes, Duration ttl) {
        return DevTokens.mint(settings.devSecret(), storeId, scopes, ttl);
    }

    /** A development bearer token for store {@code dev} with every scope, valid for 24 h. */
    public String devToken() {
        return mintToken(StoreIdArgumentResolver.DEVELOPMENT_STORE, Scopes.ALL, DEV_TOKEN_TTL);
    }

    /** The key draft-service signs invoice links with. */
    static final String INVOICE_SECRET = "draftorders.drafts.invoice.secret";

    /** The property naming the stores draft-service serves (its store directory). */
    public static final String KNOWN_STORES = "draftorders.drafts.stores.known";

    /**
     * The stores the embedded stack serves unless {@code --draftorders.drafts.stores.known=...} says otherwise: the
     * development token's {@code dev} and the benchmark's default {@code bench}.
     */
    public static final List<String> DEFAULT_STORES = List.of(StoreIdArgumentResolver.DEVELOPMENT_STORE, "bench");

    private ServiceInstance service(String name, Class<?> application, int port) {
        List<String> arguments = new ArrayList<>();
        if (name.equals("draft-service")) {
            // draft-service asks cart-service to calculate a draft that is not saved (POST /draft-orders/calculate)
            arguments.add("--draftorders.drafts.cart-service-url=" + settings.serviceUrl(settings.cartPort()));
            // GraphiQL at /graphiql for trying the GraphQL Admin API (its page is public, /graphql needs the token)
            arguments.add("--spring.graphql.graphiql.enabled=true");
            if (serviceArguments.stream().noneMatch(a -> a.startsWith("--" + KNOWN_STORES + "="))) {
                arguments.add("--" + KNOWN_STORES + "=" + String.join(",", DEFAULT_STORES));
            }
            if (serviceArguments.stream().noneMatch(a -> a.startsWith("--" + INVOICE_SECRET + "="))) {
                // a development key kept in the data directory, instead of a random one per start with a warning
                arguments.add("--" + INVOICE_SECRET + "=" + StackControl.invoiceSecret(settings.dataDir()));
            }
        }
        if (security != null) {
            arguments.addAll(security.serviceArguments(name));
        }
        arguments.addAll(serviceArguments);
        return new ServiceInstance(name, application, port, settings, arguments, servicesInOwnProcesses);
    }

    /** Starts the infrastructure, then the four services, and waits until every health check is UP. */
    public EmbeddedStack start() {
        ExecutorService starter = Executors.newFixedThreadPool(4);
        try {
            ChildProcess.stopLeftovers(settings.dataDir());
            StackControl.rememberDevSecret(settings);
            ServiceLogs.install(settings.dataDir().resolve("logs"), services);
            mongo.start();
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(kafka::start, starter),
                            CompletableFuture.runAsync(registry::start, starter))
                    .join();
            CompletableFuture.allOf(services.stream()
                            .map(s -> CompletableFuture.runAsync(s::start, starter))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            starter.shutdown();
        }
        for (ServiceInstance service : services) {
            service.awaitHealthy(Duration.ofSeconds(90));
        }
        return this;
    }

    public StackSettings settings() {
        return settings;
    }

    /** The broker's users and ACLs in {@code --secure} mode; empty on a PLAINTEXT broker. */
    public Optional<KafkaSecurity> security() {
        return Optional.ofNullable(security);
    }

    public List<ServiceInstance> services() {
        return List.copyOf(services);
    }

    public ServiceInstance service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Stops the broker abruptly (no controlled shutdown), as a crash would. */
    public void killKafka() {
        kafka.kill();
    }

    public void startKafka() {
        kafka.start();
    }

    @Override
    public void close() {
        for (ServiceInstance service : services) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                System.err.println("stopping " + service.name() + " failed: " + e);
            }
        }
        registry.stop();
        kafka.stop();
        mongo.stop();
        ServiceLogs.uninstall(settings.dataDir().resolve("logs"));
    }

    public static void main(String[] args) {
        if (StackControl.isCommand(args)) {
            System.exit(StackControl.run(args, System.out, System.err));
        }
        Path dataDir = Path.of(".data");
        boolean secure = false;
        List<String> stackArguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--secure") || arg.equals("--secure=true")) {
                secure = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else {
                stackArguments.add(arg);
            }
        }
        if (stackArguments.stream().noneMatch(a -> a.startsWith("--dev-secret="))) {
            // the key of an earlier start on this data directory: tokens minted then stay valid
            StackControl.devSecret(dataDir).ifPresent(kept -> stackArguments.add(0, "--dev-secret=" + kept));
        }
        long started = System.nanoTime();
        List<String> serviceArguments = new ArrayList<>();
        var settings = StackSettings.defaults(dataDir.toAbsolutePath()).with(stackArguments, serviceArguments);
        System.out.println("Starting the draft-orders stack, data in " + settings.dataDir() + " ...");
        EmbeddedStack stack = new EmbeddedStack(settings, serviceArguments, false, secure);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the draft-orders stack ...");
                            stack.close();
                            StackControl.forget(settings.dataDir());
                            System.out.println("Stopped.");
                        },
                        "stack-shutdown"));
        StackControl.rememberProcess(settings.dataDir());
        stack.start();
        System.out.printf("%nReady in %.1f s.%n%s%n", (System.nanoTime() - started) / 1e9, stack.banner());
    }

    String banner() {
        String token = devToken();
        return String.join(
                "\n",
                "  draft-service     " + service("draft-service").url()
                        + "   (REST: /draft-orders, GraphQL: /graphql, GraphiQL: /graphiql)",
                "  cart-service      " + service("cart-service").url(),
                "  order-service     " + service("order-service").url() + "   (REST: /orders)",
                "  payment-service   " + service("payment-service").url(),
                "  Kafka             " + settings.kafkaBootstrap(),
                "  MongoDB           " + settings.mongoUri(),
                "  Schema registry   " + settings.registryCcompatUrl() + "   (Confluent-compatible API)",
                "  Data and logs     " + settings.dataDir() + "   (each service's log: logs/<service>.log)",
                "  Invoice links     signed with the development key in "
                        + settings.dataDir().resolve(StackControl.INVOICE_SECRET_FILE)
                        + " (set " + INVOICE_SECRET + " in production)",
                "",
                security == null
                        ? "Kafka is PLAINTEXT without ACLs (development); --secure locks it down as compose does."
                        : String.join(
                                "\n",
                                "Kafka is locked down (--secure): SASL/SCRAM-SHA-512 and the ACLs of"
                                        + " compose/kafka/acls.conf; each service is its own principal. An upstream"
                                        + " channel may write draft-order-requests and read draft-order-events:",
                                "  security.protocol=SASL_PLAINTEXT",
                                "  sasl.mechanism=" + KafkaSecurity.MECHANISM,
                                "  sasl.jaas.config=" + security.jaas("channel"),
                                "  (every principal's password: "
                                        + settings.dataDir().resolve("kafka").resolve("credentials.properties") + ")"),
                "",
                "Development token (store dev, scopes " + String.join(" ", Scopes.ALL) + ", valid 24 h; the signing"
                        + " key is kept in " + settings.dataDir().resolve(StackControl.DEV_SECRET_FILE) + "):",
                "  export TOKEN=" + token,
                "Another store or fewer scopes:",
                "  java -jar stack/target/stack.jar token --store=acme --scopes=read_draft_orders" + dataDirOption(),
                "",
                "Try next:",
                "  curl -s " + service("draft-service").url() + "/actuator/health",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" "
                        + service("draft-service").url() + "/draft-orders",
                "  curl -s " + settings.registryCcompatUrl() + "/subjects",
                "  (the README's walk-through creates and completes a draft order)",
                "",
                "Ctrl-C stops everything (or, from another shell: java -jar stack/target/stack.jar stop"
                        + dataDirOption() + ").");
    }

    /** The {@code --data-dir} option the commands need, when the stack does not run on the default one. */
    private String dataDirOption() {
        return settings.dataDir().equals(Path.of(".data").toAbsolutePath()) ? "" : " --data-dir=" + settings.dataDir();
    }
}
