package com.draftorders.stack;

import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import com.draftorders.messaging.web.StoreIdArgumentResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stack's commands besides starting it, for a stack already running on a data directory:
 *
 * <pre>
 * java -jar stack/target/stack.jar token --store=acme --scopes=read_draft_orders [--ttl=PT1H] [--data-dir=.data]
 * java -jar stack/target/stack.jar stop [--data-dir=.data]
 * </pre>
 *
 * A running stack keeps in its data directory the development signing key the services verify tokens with
 * ({@value #DEV_SECRET_FILE}, readable by its owner only; kept across restarts, so tokens stay valid) and its own
 * process ({@value #PID_FILE}: pid and start instant, removed when it stops).
 */
final class StackControl {

    static final String DEV_SECRET_FILE = "dev-secret";
    static final String PID_FILE = "stack.pid";
    static final String INVOICE_SECRET_FILE = "invoice-secret";

    private StackControl() {}

    /** Whether {@code args} are one of these commands rather than a stack start. */
    static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("token") || args[0].equals("stop"));
    }

    /** The development key of the stack on {@code dataDir}: kept there from an earlier start, if any. */
    static Optional<String> devSecret(Path dataDir) {
        Path file = dataDir.resolve(DEV_SECRET_FILE);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The development key draft-service signs invoice links with: generated at the first start on {@code dataDir}
     * and kept there (readable by its owner only), so links stay valid across restarts.
     */
    static String invoiceSecret(Path dataDir) {
        Path file = dataDir.resolve(INVOICE_SECRET_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDir);
            String secret = DevTokens.newSecret();
            writePrivately(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the invoice key in " + file, e);
        }
    }

    private static void writePrivately(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data directory's own permissions protect it
        }
        Files.writeString(file, secret + "\n");
    }

    /** Writes the development key where {@code token} finds it. */
    static void rememberDevSecret(StackSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
            if (settings.devSecret() != null) {
                writePrivately(settings.dataDir().resolve(DEV_SECRET_FILE), settings.devSecret());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + settings.dataDir(), e);
        }
    }

    /** Writes this process where {@code stop} finds it (the stack's command line only, not a test's stack). */
    static void rememberProcess(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(dataDir.resolve(PID_FILE), self.pid() + " " + startOf(self) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dataDir, e);
        }
    }

    /** Forgets this process when the stack has stopped (the key stays for the next start). */
    static void forget(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(PID_FILE));
        } catch (IOException e) {
            // the next stop finds no process with that pid and start instant, and says so
        }
    }

    /** Runs {@code token} or {@code stop}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dataDir = Path.of(".data");
        String store = StoreIdArgumentResolver.DEVELOPMENT_STORE;
        List<String> scopes = Scopes.ALL;
        Duration ttl = EmbeddedStack.DEV_TOKEN_TTL;
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value);
            } else if (arg.startsWith("--store=")) {
                store = value;
            } else if (arg.startsWith("--scopes=")) {
                scopes = new ArrayList<>(Arrays.asList(value.split("[, ]+")));
                List<String> unknown =
                        scopes.stream().filter(s -> !Scopes.ALL.contains(s)).toList();
                if (!unknown.isEmpty()) {
                    err.println(
                            "error: unknown scope(s) " + unknown + "; the scopes are " + String.join(",", Scopes.ALL));
                    return 2;
                }
            } else if (arg.startsWith("--ttl=")) {
                try {
                    ttl = Duration.parse(value);
                } catch (DateTimeParseException e) {
                    err.println("error: --ttl takes an ISO-8601 duration, e.g. PT1H or P7D");
                    return 2;
                }
            } else {
                err.println("error: unknown option " + arg);
                err.println("usage: stack.jar token [--store=dev] [--scopes=" + String.join(",", Scopes.ALL)
                        + "] [--ttl=PT24H] [--data-dir=.data]");
                err.println("       stack.jar stop [--data-dir=.data]");
                return 2;
            }
        }
        return args[0].equals("token") ? token(dataDir, store, scopes, ttl, out, err) : stop(dataDir, out, err);
    }

    private static int token(
            Path dataDir, String store, List<String> scopes, Duration ttl, PrintStream out, PrintStream err) {
        Optional<String> secret = devSecret(dataDir);
        if (secret.isEmpty()) {
            err.println("error: no development key in " + dataDir.toAbsolutePath()
                    + "; start the stack there first (java -jar stack/target/stack.jar --data-dir=" + dataDir + ")");
            return 1;
        }
        out.println(DevTokens.mint(secret.get(), store, scopes, ttl));
        return 0;
    }

    private static int stop(Path dataDir, PrintStream out, PrintStream err) {
        Optional<ProcessHandle> stack = running(dataDir);
        if (stack.isEmpty()) {
            err.println("error: no stack is running on " + dataDir.toAbsolutePath());
            return 1;
        }
        ProcessHandle process = stack.get();
        out.println("stopping the stack (pid " + process.pid() + ") on " + dataDir.toAbsolutePath() + " ...");
        process.destroy(); // SIGTERM: the stack's shutdown hook stops the services, the registry and the broker
        try {
            process.onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("error: the stack (pid " + process.pid() + ") did not stop within 90 s");
            return 1;
        }
        out.println("stopped");
        return 0;
    }

    /** The stack process running on {@code dataDir}: the pid file's pid, if that process started when it says. */
    static Optional<ProcessHandle> running(Path dataDir) {
        Path file = dataDir.resolve(PID_FILE);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file).trim().split(" ");
            return ProcessHandle.of(Long.parseLong(parts[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> parts.length > 1 && startOf(p).equals(parts[1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("-");
    }
}
