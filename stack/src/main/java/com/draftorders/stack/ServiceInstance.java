package com.draftorders.stack;

import com.draftorders.messaging.ServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the four services: by default a Spring application context in the stack's JVM; in process mode a JVM of
 * its own, so that it can be killed abruptly (SIGKILL: no graceful drain, no offset commit, no outbox flush).
 */
public final class ServiceInstance {

    private final String name;
    private final Class<?> application;
    private final int port;
    private final List<String> arguments;
    private final boolean ownProcess;
    private final StackSettings settings;
    private volatile ConfigurableApplicationContext context;
    private volatile ChildProcess process;

    ServiceInstance(
            String name,
            Class<?> application,
            int port,
            StackSettings settings,
            List<String> extra,
            boolean ownProcess) {
        this.name = name;
        this.ownProcess = ownProcess;
        this.settings = settings;
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
        if (settings.devSecret() != null) {
            this.arguments.add("--draftorders.security.dev-secret=" + settings.devSecret());
        }
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
        if (ownProcess) {
            if (process == null || !process.isAlive()) {
                List<String> main = new ArrayList<>(List.of(ServiceMain.class.getName(), application.getName(), name));
                main.addAll(arguments);
                process = ChildProcess.startJava(
                        name,
                        settings.dataDir().resolve("logs"),
                        List.of(
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path")),
                        main);
            }
        } else if (context == null) {
            // the startup's log lines go to this service's log file (ServiceLogs tells services by thread name)
            Thread thread = Thread.currentThread();
            String threadName = thread.getName();
            thread.setName(name + "-start");
            try {
                context = ServiceApplication.run(application, name, arguments.toArray(String[]::new));
            } finally {
                thread.setName(threadName);
            }
        }
    }

    /** Waits until the service's health check answers UP. */
    public void awaitHealthy(java.time.Duration timeout) {
        Readiness.await(name + " health", timeout, () -> {
            if (ownProcess && (process == null || !process.isAlive())) {
                throw new IllegalStateException(name + " exited; see " + (process == null ? "" : process.log()));
            }
            return Readiness.httpOk(url() + "/actuator/health");
        });
    }

    /** Stops the service gracefully. */
    public synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /**
     * Stops the service abruptly: SIGKILL in process mode; in-process (no process to kill) the context is closed
     * immediately, which is the closest a shared JVM allows.
     */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        } else {
            stop();
        }
    }

    public boolean isRunning() {
        return ownProcess ? process != null && process.isAlive() : context != null && context.isActive();
    }

    /** The context of an in-process service (null in process mode). */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public String toString() {
        return name + " " + url();
    }
}
