package com.draftorders.stack;

import com.draftorders.messaging.ServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** One of the four services, run in the stack's JVM as its own Spring application context. */
public final class ServiceInstance {

    private final String name;
    private final Class<?> application;
    private final int port;
    private final List<String> arguments;
    private volatile ConfigurableApplicationContext context;

    ServiceInstance(String name, Class<?> application, int port, StackSettings settings, List<String> extra) {
        this.name = name;
        this.application = application;
        this.port = port;
        this.arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + StackSettings.HOST,
                "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
                "--spring.mongodb.uri=" + settings.mongoUri(),
                "--draftorders.messaging.registry-url=" + settings.registryUrl(),
                "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off"));
        this.arguments.addAll(extra);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + StackSettings.HOST + ":" + port;
    }

    public synchronized void start() {
        if (context == null) {
            context = ServiceApplication.run(application, name, arguments.toArray(String[]::new));
        }
    }

    /** Closes the context gracefully. */
    public synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public boolean isRunning() {
        return context != null && context.isActive();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public String toString() {
        return name + " " + url();
    }
}
