package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedded stack per test JVM, on free ports and a fresh data directory, started on first use and stopped when
 * the JVM exits. End-to-end tests share it; a test that must restart or kill parts starts its own.
 */
public final class TestStack {

    private static EmbeddedStack shared;

    /**
     * The stores of the tests' stacks (draft-service's store directory): the stack's defaults, {@code other-store},
     * and every store starting with {@code sec_} or {@code e2e_}. Not {@code unknown_*}: tests use those as stores
     * outside the directory.
     */
    static final String KNOWN_STORES = "--" + EmbeddedStack.KNOWN_STORES + "="
            + String.join(",", EmbeddedStack.DEFAULT_STORES) + ",other-store,sec_*,e2e_*";

    /** The one store channel {@code kiosk} may write for (the directory's allow-list). */
    static final String KIOSK_STORE = "e2e_kiosk";

    static final String KIOSK_CHANNEL = "--draftorders.drafts.stores.channels.kiosk=" + KIOSK_STORE;

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
        return new EmbeddedStack(StackSettings.randomPorts(tempDir()), withTestStores(serviceArguments)).start();
    }

    /** {@code serviceArguments} plus the tests' store directory, unless they name stores themselves. */
    static List<String> withTestStores(List<String> serviceArguments) {
        List<String> arguments = new ArrayList<>();
        if (serviceArguments.stream().noneMatch(a -> a.startsWith("--" + EmbeddedStack.KNOWN_STORES + "="))) {
            arguments.add(KNOWN_STORES);
            arguments.add(KIOSK_CHANNEL);
        }
        arguments.addAll(serviceArguments);
        return arguments;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("draft-orders-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
