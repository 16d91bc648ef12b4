package com.draftorders.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** CPU time and resident memory of any process on this Linux machine, from {@code /proc}. */
final class ProcFs {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK}, 100 on Linux). */
    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcFs() {}

    /** User + system CPU time of a process in nanoseconds, empty when it is gone (or this is not Linux). */
    static OptionalLong cpuNanos(long pid) {
        try {
            return OptionalLong.of(cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
                    * (1_000_000_000L / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime + stime from a {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may
     * contain spaces, so fields are counted from the last ')': utime and stime are fields 14 and 15.
     */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state)
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /**
     * CPU nanoseconds of a process's threads by thread name ({@code /proc/<pid>/task/<tid>/stat}; the kernel keeps
     * 15 characters of a name), digits folded to {@code #}. Shows the JVM's own threads (GC, JIT compilers), which
     * the thread MXBean does not list.
     */
    static Map<String, Long> taskCpuNanos(long pid) {
        Map<String, Long> cpu = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    cpu.merge(
                            name.replaceAll("\\d+", "#"),
                            cpuTicks(stat) * (1_000_000_000L / TICKS_PER_SECOND),
                            Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return cpu;
    }

    /** Busy and total CPU time of the whole machine in ticks ({@code cpu} line of {@code /proc/stat}). */
    static long[] machineTicks() {
        try {
            return machineTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {busy, total} from the aggregate {@code cpu} line; idle and iowait are not busy. */
    static long[] machineTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        return new long[] {total - idle, total};
    }

    /** Resident set size in bytes ({@code VmRSS} of {@code /proc/<pid>/status}), empty when unknown. */
    static OptionalLong rssBytes(long pid) {
        try {
            return rss(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong rss(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The full command line of a process ({@code /proc/<pid>/cmdline}; {@link ProcessHandle.Info} cuts long ones,
     * such as a JVM with a long class path).
     */
    static java.util.Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return java.util.Optional.of(new String(raw).replace('\0', ' ').trim());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            long ticks = Long.parseLong(out);
            return ticks > 0 ? ticks : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
