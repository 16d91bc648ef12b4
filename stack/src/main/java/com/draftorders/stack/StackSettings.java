package com.draftorders.stack;

import com.draftorders.messaging.security.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Where the embedded stack keeps its data and which ports it listens on (all on 127.0.0.1).
 *
 * @param dataDir everything the stack persists: Kafka logs, the MongoDB H2 file, the registry's H2 file, logs
 * @param devSecret the development key (HMAC-SHA256) the services verify bearer tokens with
 *     ({@code draftorders.security.dev-secret}); random per start unless given
 * @param mongoFsync whether the embedded MongoDB server also forces its file to the disk when it commits for a
 *     journaled write (then a write survives a power loss, not only the crash of any process; costs a disk flush per
 *     group commit)
 */
public record StackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int registryPort,
        int draftPort,
        int cartPort,
        int orderPort,
        int paymentPort,
        String devSecret,
        boolean mongoFsync) {

    public static final String HOST = "127.0.0.1";

    /** The documented defaults: Kafka 9092, MongoDB 27017, registry 8085, services 8081-8084. */
    public static StackSettings defaults(Path dataDir) {
        return new StackSettings(
                dataDir, 9092, 9093, 27017, 8085, 8081, 8082, 8083, 8084, DevTokens.newSecret(), false);
    }

    /** Free ports everywhere, for tests that must not collide with a stack a developer has running. */
    public static StackSettings randomPorts(Path dataDir) {
        return new StackSettings(
                dataDir, free(), free(), free(), free(), free(), free(), free(), free(), DevTokens.newSecret(), false);
    }

    /**
     * These settings with what the command line says: {@code --kafka-port=}, {@code --kafka-controller-port=},
     * {@code --mongo-port=}, {@code --registry-port=}, {@code --draft-port=}, {@code --cart-port=},
     * {@code --order-port=}, {@code --payment-port=}, {@code --dev-secret=}, {@code --mongo-fsync=true|false}.
     * Returns the arguments it did not use (for the services).
     */
    public StackSettings with(java.util.List<String> args, java.util.List<String> rest) {
        StackSettings s = this;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            s = switch (key) {
                case "--kafka-port" -> s.copy(0, Integer.parseInt(value));
                case "--kafka-controller-port" -> s.copy(1, Integer.parseInt(value));
                case "--mongo-port" -> s.copy(2, Integer.parseInt(value));
                case "--registry-port" -> s.copy(3, Integer.parseInt(value));
                case "--draft-port" -> s.copy(4, Integer.parseInt(value));
                case "--cart-port" -> s.copy(5, Integer.parseInt(value));
                case "--order-port" -> s.copy(6, Integer.parseInt(value));
                case "--payment-port" -> s.copy(7, Integer.parseInt(value));
                case "--dev-secret" ->
                    new StackSettings(
                            s.dataDir,
                            s.kafkaPort,
                            s.kafkaControllerPort,
                            s.mongoPort,
                            s.registryPort,
                            s.draftPort,
                            s.cartPort,
                            s.orderPort,
                            s.paymentPort,
                            value,
                            s.mongoFsync);
                case "--mongo-fsync" ->
                    new StackSettings(
                            s.dataDir,
                            s.kafkaPort,
                            s.kafkaControllerPort,
                            s.mongoPort,
                            s.registryPort,
                            s.draftPort,
                            s.cartPort,
                            s.orderPort,
                            s.paymentPort,
                            s.devSecret,
                            Boolean.parseBoolean(value));
                default -> {
                    rest.add(arg);
                    yield s;
                }
            };
        }
        return s;
    }

    private StackSettings copy(int which, int port) {
        int[] ports = {
            kafkaPort, kafkaControllerPort, mongoPort, registryPort, draftPort, cartPort, orderPort, paymentPort
        };
        ports[which] = port;
        return new StackSettings(
                dataDir,
                ports[0],
                ports[1],
                ports[2],
                ports[3],
                ports[4],
                ports[5],
                ports[6],
                ports[7],
                devSecret,
                mongoFsync);
    }

    public String kafkaBootstrap() {
        return HOST + ":" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://" + HOST + ":" + mongoPort;
    }

    public String registryUrl() {
        return "http://" + HOST + ":" + registryPort + "/apis/registry/v2";
    }

    public String registryCcompatUrl() {
        return "http://" + HOST + ":" + registryPort + "/apis/ccompat/v7";
    }

    public String serviceUrl(int port) {
        return "http://" + HOST + ":" + port;
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
