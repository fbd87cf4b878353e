package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench.jfr=jit}: a JFR recording of the JIT compiler's events only (every {@code jdk.Compilation}, not just
 * those over profile.jfc's 100 ms, and every {@code jdk.Deoptimization}), cheap enough to leave the CPU figures as they
 * are, recorded from Keycloak's start ({@link JfrProfile#startAtLaunch}) and split by the measured batches' windows like {@link JfrProfile#byBatch}: which batch the compiler worked for, how
 * long, on whose methods, and which compiled code the batch threw away (issue 19: the first-time SPID batches carried
 * twice the JIT time of stock, CIE and FICEP in some runs).
 */
final class JitProfile {
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="compiler events">
              <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.Deoptimization"><setting name="enabled">true</setting><setting name="stackTrace">false</setting></event>
              <event name="jdk.CodeCacheFull"><setting name="enabled">true</setting></event>
            </configuration>
            """;

    private final JfrProfile recording;
    private final Path file;

    JitProfile(long pid, Path file) {
        this.file = file;
        this.recording = new JfrProfile(pid, file);
    }

    /** The JVM option that records the compiler's events from Keycloak's start (its settings file written to {@code dir}). */
    static String startAtLaunch(Path dir) {
        Path settings = dir.resolve("compiler-events.jfc").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.writeString(settings, SETTINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JfrProfile.startAtLaunch(settings.toString());
    }

    void dump() {
        recording.dump();
    }

    /** Per target and kind: compilations and their time per login, deoptimisations; then the methods behind them. */
    String byBatch(List<JfrProfile.Window> windows, int top) {
        Map<String, Integer> logins = new TreeMap<>();
        windows.forEach(w -> logins.merge(w.target() + " " + w.kind(), w.logins(), Integer::sum));
        Map<String, double[]> figures = new TreeMap<>(); // c2 count, c2 ms, other count, other ms, deopts
        Map<String, Map<String, Integer>> c2Methods = new HashMap<>();
        Map<String, Map<String, Integer>> deopts = new HashMap<>();
        int outside = 0;
        try (RecordingFile events = new RecordingFile(file)) {
            while (events.hasMoreEvents()) {
                RecordedEvent event = events.readEvent();
                String type = event.getEventType().getName();
                boolean compilation = "jdk.Compilation".equals(type);
                if (!compilation && !"jdk.Deoptimization".equals(type)) {
                    continue;
                }
                JfrProfile.Window window = JfrProfile.windowAt(windows, event.getStartTime());
                if (window == null) {
                    outside++;
                    continue;
                }
                String label = window.target() + " " + window.kind();
                double[] f = figures.computeIfAbsent(label, l -> new double[5]);
                String method = name(event.getValue("method"));
                if (compilation) {
                    boolean c2 = event.getShort("compileLevel") == 4;
                    f[c2 ? 0 : 2]++;
                    f[c2 ? 1 : 3] += event.getDuration().toNanos() / 1e6;
                    if (c2) {
                        c2Methods.computeIfAbsent(label, l -> new HashMap<>()).merge(method, 1, Integer::sum);
                    }
                } else {
                    f[4]++;
                    deopts.computeIfAbsent(label, l -> new HashMap<>())
                            .merge(method + " (" + event.getString("reason") + ", " + event.getString("action") + ")", 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        StringBuilder out = new StringBuilder("JIT compiler events split by batch window (every compilation, every deoptimisation; "
                + outside + " events fell outside the measured batches).\n\n"
                + "| target, kind | logins | C2 compilations per 1000 logins | C2 ms per login | C1 compilations per 1000 logins | C1 ms per login | deoptimisations per 1000 logins |\n"
                + "|---|---|---|---|---|---|---|\n");
        logins.forEach((label, n) -> {
            double[] f = figures.getOrDefault(label, new double[5]);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.0f | %.2f | %.0f |%n", label, n, 1000 * f[0] / n, f[1] / n,
                    1000 * f[2] / n, f[3] / n, 1000 * f[4] / n));
        });
        for (String label : logins.keySet()) {
            out.append("\n").append(top(label + ": methods C2 compiled", c2Methods.getOrDefault(label, Map.of()), top));
            out.append("\n").append(top(label + ": deoptimised (reason, action)", deopts.getOrDefault(label, Map.of()), top));
        }
        return out.toString();
    }

    private static String top(String title, Map<String, Integer> counts, int top) {
        StringBuilder out = new StringBuilder("| " + title + " | times |\n|---|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %d |%n", e.getKey(), e.getValue())));
        return out.toString();
    }

    private static String name(RecordedMethod method) {
        return method == null ? "(unknown)" : JfrProfile.name(method);
    }

    /** {@code JitProfile FILE.jfr WINDOWS.tsv [TOP]}: the same summary for a recording made earlier. */
    public static void main(String[] args) {
        System.out.println(new JitProfile(0, Path.of(args[0])).byBatch(JfrProfile.Window.read(Path.of(args[1])),
                args.length > 2 ? Integer.parseInt(args[2]) : 25));
    }
}
