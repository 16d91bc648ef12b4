package com.draftorders.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Keeps every topic's value schema backward compatible with all of its released versions (BACKWARD_TRANSITIVE):
 * a consumer on the current schema can read anything ever written with a released one.
 *
 * <p>Released versions live in {@code schemas/released/<subject>/v<N>.avsc}, self-contained, as they were
 * registered. {@link #main} appends the current schema as the next version when it changed.
 */
public final class SchemaEvolutionGate {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");
    private static final String RESOURCE_ROOT = "/released-schemas/";

    private SchemaEvolutionGate() {}

    /** One incompatibility between a released version and the current schema. */
    public record Violation(String subject, int releasedVersion, String description) {
        @Override
        public String toString() {
            return subject + " v" + releasedVersion + " -> current: " + description;
        }
    }

    /** Violations of the current schema against one earlier version; empty when the reader can read the writer. */
    public static List<String> incompatibilities(Schema released, Schema current) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }

    /** Checks the current schema of every topic against every released version bundled on the class path. */
    public static List<Violation> checkAll() {
        List<Violation> violations = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            List<String> released = releasedVersionsOnClasspath(topic.valueSubject());
            if (released.isEmpty()) {
                violations.add(new Violation(topic.valueSubject(), 0, "no released version; run the release"));
            }
            for (int i = 0; i < released.size(); i++) {
                Schema old = new Schema.Parser().parse(released.get(i));
                for (String problem : incompatibilities(old, topic.valueSchema())) {
                    violations.add(new Violation(topic.valueSubject(), i + 1, problem));
                }
            }
        }
        return violations;
    }

    static List<String> releasedVersionsOnClasspath(String subject) {
        List<String> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            try (InputStream in =
                    SchemaEvolutionGate.class.getResourceAsStream(RESOURCE_ROOT + subject + "/v" + version + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Releases the current schemas: writes {@code v<N+1>.avsc} for every subject whose schema differs from its
     * latest released version. Argument: the {@code released} directory.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "schemas/released");
        for (Topic<String, ?> topic : Topics.ALL) {
            Path dir = root.resolve(topic.valueSubject());
            Files.createDirectories(dir);
            List<Path> files;
            try (var stream = Files.list(dir)) {
                files = stream.filter(p ->
                                VERSION_FILE.matcher(p.getFileName().toString()).matches())
                        .sorted(Comparator.comparingInt(SchemaEvolutionGate::versionOf))
                        .toList();
            }
            Schema current = topic.valueSchema();
            if (!files.isEmpty()) {
                Schema latest =
                        new Schema.Parser().parse(files.get(files.size() - 1).toFile());
                if (latest.equals(current)) {
                    continue;
                }
                List<String> problems = incompatibilities(latest, current);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(topic.valueSubject() + " is not backward compatible: " + problems);
                }
            }
            Path next = dir.resolve("v" + (files.size() + 1) + ".avsc");
            Files.writeString(next, current.toString(true) + "\n");
            System.out.println("released " + next);
        }
    }

    private static int versionOf(Path file) {
        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
