package com.draftorders.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one service. Each service reads {@code <name>.yml} instead of {@code application.yml}, so the four can
 * share a class path (the embedded stack runs them in one JVM) without reading each other's configuration.
 */
public final class ServiceApplication {

    private ServiceApplication() {}

    public static ConfigurableApplicationContext run(Class<?> application, String name, String... args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (arguments.stream().noneMatch(a -> a.startsWith("--spring.config.name="))) {
            arguments.add(0, "--spring.config.name=" + name);
        }
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }
}
