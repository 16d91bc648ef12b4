package com.draftorders.messaging.tools;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka client settings of the operator tools: {@code --bootstrap=host:port} and, as with Kafka's own CLI tools,
 * {@code --command-config=file} with client properties (e.g. SASL/SCRAM for the compose stack's broker). Other
 * arguments are left for the tool.
 */
record ToolClients(Map<String, Object> config, List<String> arguments) {

    static ToolClients parse(String[] args) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", "127.0.0.1:9092");
        List<String> rest = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--bootstrap=")) {
                config.put("bootstrap.servers", arg.substring("--bootstrap=".length()));
            } else if (arg.startsWith("--command-config=")) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(Path.of(arg.substring("--command-config=".length())))) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + arg, e);
                }
                properties.forEach((key, value) -> config.put(key.toString(), value));
            } else {
                rest.add(arg);
            }
        }
        return new ToolClients(Map.copyOf(config), List.copyOf(rest));
    }

    /** Only a bootstrap address, as in the embedded stack. */
    static Map<String, Object> plain(String bootstrap) {
        return Map.of("bootstrap.servers", bootstrap);
    }

    /** These settings plus {@code extra}. */
    static Map<String, Object> with(Map<String, Object> config, Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(config);
        merged.putAll(extra);
        return merged;
    }
}
