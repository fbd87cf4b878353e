package it.spidonly.keycloak.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time and memory of the Keycloak JVM, read from Linux's {@code /proc}: {@code utime + stime} of
 * {@code /proc/PID/stat} (all threads, in clock ticks; {@value #TICKS_PER_SECOND} per second on Linux x86-64),
 * {@code VmRSS} and {@code VmHWM} (peak RSS) of {@code /proc/PID/status}.
 */
public final class ProcessStats {
    static final int TICKS_PER_SECOND = 100;
    private final long pid;

    public ProcessStats(long pid) {
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    /** The {@code java} process among {@code root} and its descendants ({@code kc.sh} runs or exec's java). */
    public static ProcessStats javaOf(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .filter(p -> "java".equals(comm(p.pid()).orElse("")))
                .findFirst().map(p -> new ProcessStats(p.pid()))
                .orElseThrow(() -> new IllegalStateException("No java process under pid " + root.pid()));
    }

    /** The {@code java} process whose command line mentions {@code keycloakHome} (a server someone else started). */
    public static ProcessStats javaRunning(Path keycloakHome) {
        String home = keycloakHome.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> "java".equals(comm(p.pid()).orElse("")))
                .filter(p -> cmdline(p.pid()).contains(home))
                .findFirst().map(p -> new ProcessStats(p.pid()))
                .orElseThrow(() -> new IllegalStateException("No java process running Keycloak from " + home));
    }

    /** utime + stime so far, in seconds. */
    public double cpuSeconds() {
        String stat = read("stat");
        // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) TICKS_PER_SECOND;
    }

    /**
     * CPU seconds so far of each live thread ({@code /proc/PID/task/TID/stat}), keyed by thread id, with the thread's
     * name ({@code comm}, at most 15 characters) without its trailing number as its group: executor threads, Vert.x event
     * loops, C2/C1 compiler threads, G1 threads...
     */
    public Map<Long, ThreadCpu> threadCpu() {
        Map<Long, ThreadCpu> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadCpu(name.replaceAll("[#-]?[0-9]+$", "").trim(), seconds));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list /proc/" + pid + "/task", e);
        }
        return threads;
    }

    /** One thread's group name and CPU seconds so far. */
    public record ThreadCpu(String group, double seconds) {
    }

    /** CPU seconds by thread group between two {@link #threadCpu()} snapshots (threads born in between count from 0). */
    public static Map<String, Double> byGroup(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        Map<String, Double> groups = new TreeMap<>();
        after.forEach((tid, now) -> {
            ThreadCpu then = before.get(tid);
            double delta = now.seconds() - (then == null ? 0 : then.seconds());
            if (delta > 0) {
                groups.merge(now.group(), delta, Double::sum);
            }
        });
        return groups;
    }

    /** Starts measuring Keycloak's CPU from now: all its threads, and all but its JIT compiler threads. */
    public CpuSpan cpuSpan() {
        return new CpuSpan(this, cpuSeconds(), threadCpu());
    }

    /** CPU seconds of the process since {@link #cpuSpan()}. */
    public static final class CpuSpan {
        private final ProcessStats process;
        private final double cpuBefore;
        private final Map<Long, ThreadCpu> threadsBefore;

        private CpuSpan(ProcessStats process, double cpuBefore, Map<Long, ThreadCpu> threadsBefore) {
            this.process = process;
            this.cpuBefore = cpuBefore;
            this.threadsBefore = threadsBefore;
        }

        /** CPU seconds of all threads since the start. */
        public double cpuSeconds() {
            return process.cpuSeconds() - cpuBefore;
        }

        /** CPU seconds since the start of all threads but the JIT compilers ({@code C1/C2 CompilerThread}). */
        public double cpuSecondsWithoutJit() {
            return byGroup(threadsBefore, process.threadCpu()).entrySet().stream()
                    .filter(e -> !e.getKey().contains("CompilerThre")).mapToDouble(Map.Entry::getValue).sum();
        }
    }

    /** Current resident set size, in MiB. */
    public double rssMib() {
        return statusKib("VmRSS:") / 1024.0;
    }

    /** Peak resident set size since the process started ({@code VmHWM}), in MiB. */
    public double peakRssMib() {
        return statusKib("VmHWM:") / 1024.0;
    }

    private long statusKib(String key) {
        return read("status").lines().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new IllegalStateException("No " + key + " in /proc/" + pid + "/status"));
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/" + pid + "/" + file, e);
        }
    }

    private static Optional<String> comm(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
