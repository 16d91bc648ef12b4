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
        String devSecret) {

    public static final String HOST = "127.0.0.1";

    /** The documented defaults: Kafka 9092, MongoDB 27017, registry 8085, services 8081-8084. */
    public static StackSettings defaults(Path dataDir) {
        return new StackSettings(dataDir, 9092, 9093, 27017, 8085, 8081, 8082, 8083, 8084, DevTokens.newSecret());
    }

    /** Free ports everywhere, for tests that must not collide with a stack a developer has running. */
    public static StackSettings randomPorts(Path dataDir) {
        return new StackSettings(
                dataDir, free(), free(), free(), free(), free(), free(), free(), free(), DevTokens.newSecret());
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
