package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One embedded stack per test JVM, on free ports and a fresh data directory, started on first use and stopped when
 * the JVM exits. End-to-end tests share it; a test that must restart or kill parts starts its own.
 */
public final class TestStack {

    private static EmbeddedStack shared;

    private TestStack() {}

    public static synchronized EmbeddedStack shared() {
        if (shared == null) {
            shared = startNew(List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-stack-shutdown"));
        }
        return shared;
    }

    /** A stack of its own on free ports, in a new temporary data directory. */
    public static EmbeddedStack startNew(List<String> serviceArguments) {
        return new EmbeddedStack(StackSettings.randomPorts(tempDir()), serviceArguments).start();
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("draft-orders-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
