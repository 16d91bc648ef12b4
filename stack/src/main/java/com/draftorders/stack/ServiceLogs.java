package com.draftorders.stack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Each in-process service's log lines also go to {@code <data-dir>/logs/<service>.log} (a service in a JVM of its
 * own writes that file through its output already). A line belongs to a service by, in this order: the MDC's
 * {@value #MDC_SERVICE} (set by the messaging layer around what it handles and sends); the thread's name (its
 * listener container, {@code <service>-subscriptions-…}, or its web server's port, {@code http-nio-…-8081-exec-1});
 * the logger's package ({@code com.draftorders.draft…}). Lines of no service (Kafka's clients, the embedded MongoDB
 * server) stay on the console only.
 */
final class ServiceLogs extends AppenderBase<ILoggingEvent> {

    /** The MDC key naming the service a line belongs to (see {@code com.draftorders.messaging.SagaLog}). */
    static final String MDC_SERVICE = "service";

    static final String PATTERN =
            "%d{HH:mm:ss.SSS} %-5level [%thread] %replace([%X{traceId}-%X{spanId}] ){'\\[-\\] ', ''}%logger{30} - %msg%n";

    private final Path dir;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, OutputStream> files = new LinkedHashMap<>();
    private final PatternLayout layout = new PatternLayout();

    private record Service(String name, String port, String packagePrefix) {}

    private ServiceLogs(Path dir, List<ServiceInstance> instances) {
        this.dir = dir;
        for (ServiceInstance instance : instances) {
            String name = instance.name();
            services.put(
                    name,
                    new Service(
                            name,
                            "-" + instance.port() + "-",
                            "com.draftorders." + name.substring(0, name.indexOf('-')) + "."));
        }
    }

    /** Adds the service files to the JVM's logging (once per data directory). */
    static void install(Path dir, List<ServiceInstance> instances) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another logging backend: the console is all there is
        }
        String name = "service-logs:" + dir.toAbsolutePath();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(name) != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ServiceLogs appender = new ServiceLogs(dir, instances);
        appender.setName(name);
        appender.setContext(context);
        appender.layout.setContext(context);
        appender.layout.setPattern(PATTERN);
        appender.layout.start();
        appender.start();
        root.addAppender(appender);
    }

    /** Takes the service files of {@code dir} out of the JVM's logging (the stack on it has stopped). */
    static void uninstall(Path dir) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            var appender = root.getAppender("service-logs:" + dir.toAbsolutePath());
            if (appender != null) {
                root.detachAppender(appender);
                appender.stop();
            }
        }
    }

    /** The service a line belongs to, or null. */
    String serviceOf(String mdcService, String thread, String logger) {
        if (mdcService != null && services.containsKey(mdcService)) {
            return mdcService;
        }
        for (Service s : services.values()) {
            if (thread != null && (thread.startsWith(s.name() + "-") || thread.contains(s.port()))) {
                return s.name();
            }
        }
        for (Service s : services.values()) {
            if (logger != null && logger.startsWith(s.packagePrefix())) {
                return s.name();
            }
        }
        return null;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String service =
                serviceOf(event.getMDCPropertyMap().get(MDC_SERVICE), event.getThreadName(), event.getLoggerName());
        if (service == null) {
            return;
        }
        byte[] line = layout.doLayout(event).getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = files.get(service);
            if (out == null) {
                out = Files.newOutputStream(
                        dir.resolve(service + ".log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                files.put(service, out);
            }
            out.write(line);
            out.flush();
        } catch (IOException e) {
            addError("cannot write " + service + ".log", e);
        }
    }

    @Override
    public void stop() {
        super.stop();
        for (OutputStream out : files.values()) {
            try {
                out.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        files.clear();
    }
}
