package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the stack starts beside itself (the Kafka broker, the registry), its output going to a log file. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess startJava(String name, Path logDir, List<String> jvmArgs, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(mainAndArgs);
        return start(name, logDir, command, null);
    }

    /**
     * Starts {@code command}, its output appended to {@code <logDir>/<name>.log}.
     *
     * @param environment the process's whole environment; {@code null} inherits this one's
     */
    static ChildProcess start(String name, Path logDir, List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            remember(logDir.getParent(), name, process.toHandle());
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Runs a short-lived JVM to completion (e.g. formatting Kafka's storage). */
    static void runJava(String name, Path logDir, List<String> jvmArgs, List<String> mainAndArgs) {
        startJava(name, logDir, jvmArgs, mainAndArgs).awaitSuccess();
    }

    /** Waits up to a minute for this short-lived process to exit, and fails unless it exited with 0. */
    void awaitSuccess() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    /** The file in the data directory listing the processes the stack started: {@code name pid start-instant}. */
    static final String PID_FILE = "children.pids";

    private static synchronized void remember(Path dataDir, String name, ProcessHandle handle) {
        if (dataDir == null) {
            return;
        }
        String line = name + " " + handle.pid() + " "
                + handle.info().startInstant().map(Object::toString).orElse("-") + "\n";
        try {
            Files.writeString(
                    dataDir.resolve(PID_FILE),
                    line,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a convenience for the next start after a crash; the stack runs without it
        }
    }

    /**
     * Kills what a stack that crashed (or was killed) on this data directory left running — a broker or registry
     * whose parent died keeps its ports and files — and forgets them. A process is recognised by its pid and the
     * instant it started, so an unrelated process that reuses a pid is left alone.
     */
    static void stopLeftovers(Path dataDir) {
        Path file = dataDir.resolve(PID_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 3) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(parts[1]))
                        .filter(p -> p.info()
                                .startInstant()
                                .map(Object::toString)
                                .orElse("-")
                                .equals(parts[2]))
                        .ifPresent(p -> {
                            System.err.println("stopping " + parts[0] + " (pid " + p.pid()
                                    + ") left running by an earlier stack on " + dataDir);
                            p.destroyForcibly();
                            p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                        });
            }
            Files.delete(file);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not check for processes an earlier stack left: " + e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /**
     * Asks the process to stop (SIGTERM: the broker shuts down cleanly) and waits for it; then ends what it started
     * and left behind (a launcher script's JVM).
     */
    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the process without letting it clean up, as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
