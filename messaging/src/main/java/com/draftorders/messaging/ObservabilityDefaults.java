package com.draftorders.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logging defaults every service shares, at the lowest precedence (a service's yml, the environment or arguments
 * override them): every log line of the plain console format shows {@code [<trace id>-<span id>]} from the MDC
 * ({@link TraceContext}). JSON logs are switched on with {@code logging.structured.format.console=ecs} (or
 * {@code logstash}); those formats write the MDC's {@code traceId} and {@code spanId} as fields of each line.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "draftorders-observability-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(SOURCE, Map.of("logging.pattern.correlation", "%correlationId")));
        }
    }
}
