package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the Keycloak JVM ({@code settings=profile}, started with the JVM: {@link #startAtLaunch}, written
 * by {@code jcmd JFR.dump} after each realm's rounds), then a summary of its {@code jdk.ExecutionSample} events inside the
 * measured batches of one realm: the hottest methods (top frame, "self") and the share of samples spent under each area of code
 * (any frame of the area on the stack, "inclusive").
 */
public final class JfrProfile {
    /** Area name → package or class prefixes; a sample counts for an area when one frame starts with a prefix. */
    static final Map<String, List<String>> AREAS = areas();
    /** Areas of one IdP type only: a prefix on the stack and no frame of our provider. */
    static final Map<String, String> STOCK_ONLY = Map.of(
            "stock SAML IdP: ACS leg (SAMLEndpoint, no it.spidonly frame)", "org.keycloak.broker.saml.SAMLEndpoint",
            "stock SAML IdP: AuthnRequest (SAMLIdentityProvider.performLogin, no it.spidonly frame)", "org.keycloak.broker.saml.SAMLIdentityProvider.performLogin");

    private final long pid;
    private final Path file;

    JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /**
     * The JVM option that starts the recording with Keycloak, {@code settings} a JDK configuration's name or a .jfc
     * file. Not {@code jcmd JFR.start} after the warm-up: JFR's first start in a running JVM throws away compiled code
     * all over (in run LAXR the batch after it cost 160 ms per login instead of 44, and the rounds after it twice the
     * CPU of a run without JFR), so the measured rounds re-ran the JIT's warm-up (issue 19, stop 20).
     */
    static String startAtLaunch(String settings) {
        return "-XX:StartFlightRecording=name=bench,settings=" + settings;
    }

    /** Writes the recording so far (from Keycloak's start) to the file; the summaries keep the windows' events. */
    void dump() {
        jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
    }

    /** The Markdown summary of the recording's samples inside {@code windows} (all of them when null). */
    String summary(int topMethods, List<Window> windows) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        AREAS.keySet().forEach(a -> inclusive.put(a, 0));
        new java.util.TreeMap<>(STOCK_ONLY).keySet().forEach(a -> inclusive.put(a, 0));
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty() || windows != null && windowAt(windows, event.getStartTime()) == null) {
                    continue;
                }
                samples++;
                self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                Set<String> hit = new HashSet<>();
                Set<String> ourFrames = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    if (type.startsWith("it.spidonly.")) {
                        ourFrames.add(name(frame));
                    }
                    AREAS.forEach((area, prefixes) -> {
                        String qualified = name(frame);
                        if (prefixes.stream().anyMatch(qualified::startsWith)) {
                            hit.add(area);
                        }
                    });
                }
                if (ourFrames.isEmpty()) {
                    for (Map.Entry<String, String> stock : STOCK_ONLY.entrySet()) {
                        if (stack.getFrames().stream().anyMatch(f -> name(f).startsWith(stock.getValue()))) {
                            hit.add(stock.getKey());
                        }
                    }
                }
                hit.forEach(a -> inclusive.merge(a, 1, Integer::sum));
                ourFrames.forEach(m -> ours.merge(m, 1, Integer::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JFR (settings=profile) inside the measured batches: %d execution samples.%n%n", samples));
        out.append("| area (inclusive: a frame of it on the stack) | samples | share |\n|---|---|---|\n");
        for (Map.Entry<String, Integer> e : inclusive.entrySet()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, samples)));
        }
        final int total = samples;
        out.append("\n| our methods, inclusive (on the stack) | samples | share |\n|---|---|---|\n");
        ours.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f %% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        out.append("\n| hottest methods (self: top frame) | samples | share |\n|---|---|---|\n");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(topMethods)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f %% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        return out.toString();
    }

    /**
     * The recording split by the measured batches' own time windows (issue 19: "the profile that explains the rest"):
     * for each target, the execution samples and the allocated bytes per login of the batches of {@code kind}, then
     * the methods whose inclusive samples per 1000 logins differ most between {@code target} and {@code baseline}.
     * Samples outside every batch (warm-up, settle, the gaps) are left out; batches run one at a time, so a window
     * holds one target's work only.
     */
    String byBatch(List<Window> windows, String kind, String target, String baseline, int top) {
        List<Window> ofKind = windows.stream().filter(b -> b.kind().equals(kind)).toList();
        Map<String, Integer> logins = new HashMap<>();
        ofKind.forEach(b -> logins.merge(b.target(), b.logins(), Integer::sum));
        Map<String, Integer> samples = new HashMap<>();
        Map<String, Double> allocated = new HashMap<>();
        Map<String, Map<String, Integer>> inclusive = new HashMap<>();
        Map<String, Map<String, Integer>> endpoints = new java.util.TreeMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                boolean execution = "jdk.ExecutionSample".equals(type);
                if (!execution && !"jdk.ObjectAllocationSample".equals(type)) {
                    continue;
                }
                Window window = windowAt(ofKind, event.getStartTime());
                if (window == null) {
                    continue;
                }
                String label = window.target();
                if (!execution) {
                    allocated.merge(label, (double) event.getLong("weight"), Double::sum);
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null) {
                    continue;
                }
                samples.merge(label, 1, Integer::sum);
                Map<String, Integer> methods = inclusive.computeIfAbsent(label, l -> new HashMap<>());
                stack.getFrames().stream().map(JfrProfile::name).distinct().forEach(m -> methods.merge(m, 1, Integer::sum));
                endpoints.computeIfAbsent(endpoint(stack), e -> new HashMap<>()).merge(label, 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "JFR split by batch window, %s logins.%n%n| target | logins | execution samples per 1000 logins | allocated MiB per login (sampled) |%n|---|---|---|---|%n", kind));
        new java.util.TreeMap<>(logins).forEach((label, n) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f |%n",
                label, n, 1000.0 * samples.getOrDefault(label, 0) / Math.max(1, n), allocated.getOrDefault(label, 0.0) / Math.max(1, n) / (1 << 20))));
        List<String> labels = new java.util.TreeMap<>(logins).keySet().stream().toList();
        out.append("\n| HTTP endpoint (the JAX-RS method the sample is under) | ")
                .append(String.join(" | ", labels.stream().map(l -> l + " per 1000 logins").toList())).append(" |\n|---|")
                .append("---|".repeat(labels.size())).append('\n');
        endpoints.forEach((endpoint, byLabel) -> {
            out.append("| `").append(endpoint).append('`');
            labels.forEach(l -> out.append(String.format(Locale.ROOT, " | %.0f", 1000.0 * byLabel.getOrDefault(l, 0) / Math.max(1, logins.get(l)))));
            out.append(" |\n");
        });
        int targetLogins = Math.max(1, logins.getOrDefault(target, 0));
        int baselineLogins = Math.max(1, logins.getOrDefault(baseline, 0));
        Map<String, Integer> a = inclusive.getOrDefault(target, Map.of());
        Map<String, Integer> b = inclusive.getOrDefault(baseline, Map.of());
        Set<String> methods = new HashSet<>(a.keySet());
        methods.addAll(b.keySet());
        out.append(String.format(Locale.ROOT, "%n| method (inclusive) | %s per 1000 logins | %s per 1000 logins | difference |%n|---|---|---|---|%n", target, baseline));
        methods.stream()
                .map(m -> Map.entry(m, new double[] {1000.0 * a.getOrDefault(m, 0) / targetLogins, 1000.0 * b.getOrDefault(m, 0) / baselineLogins}))
                .sorted((x, y) -> Double.compare(Math.abs(y.getValue()[0] - y.getValue()[1]), Math.abs(x.getValue()[0] - x.getValue()[1])))
                .limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %.0f | %.0f | %+.0f |%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[0] - e.getValue()[1])));
        return out.toString();
    }

    /** The resource method a request-thread sample is under (Quarkus REST's generated invoker names it), or its thread's kind. */
    private static String endpoint(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            int invoker = type.indexOf("$quarkusrestinvoker$");
            if (invoker > 0) {
                String method = type.substring(invoker + "$quarkusrestinvoker$".length());
                int hash = method.lastIndexOf('_');
                return type.substring(type.lastIndexOf('.') + 1, invoker) + "." + (hash > 0 ? method.substring(0, hash) : method);
            }
        }
        return "(outside a resource method)";
    }

    /** The batch whose window holds {@code at}, or null (warm-up, the gaps between batches). */
    static Window windowAt(List<Window> windows, java.time.Instant at) {
        for (Window w : windows) {
            if (!at.isBefore(w.started()) && !at.isAfter(w.ended())) {
                return w;
            }
        }
        return null;
    }

    /** A measured batch's time window: which target, which kind of login, how many succeeded. */
    record Window(String target, String kind, int logins, java.time.Instant started, java.time.Instant ended) {
        static Window of(it.spidonly.keycloak.bench.load.Batch.Result batch) {
            return new Window(batch.target().label(), batch.kind(), batch.successes(), batch.started(), batch.ended());
        }

        /** One line of {@code windows-TAG.tsv}, written beside the recording so that it can be split again later. */
        String tsv() {
            return String.join("\t", target, kind, Integer.toString(logins), started.toString(), ended.toString());
        }

        static List<Window> read(Path tsv) {
            try {
                return Files.readAllLines(tsv).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                        .map(f -> new Window(f[0], f[1], Integer.parseInt(f[2]), java.time.Instant.parse(f[3]), java.time.Instant.parse(f[4])))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + tsv, e);
            }
        }
    }

    /**
     * {@code JfrProfile FILE.jfr [TOP]}: the same summary for any recording (e.g. of a JMH fork);
     * {@code JfrProfile FILE.jfr TOP Class.method [DEPTH [Ancestor.method]]}: where the samples under that method go (its
     * callees at DEPTH, default 1), optionally only in samples with the ancestor on the stack;
     * {@code JfrProfile FILE.jfr --windows WINDOWS.tsv KIND TARGET BASELINE [TOP]}: the recording split by the batches'
     * windows ({@link #byBatch}), e.g. {@code first-time spid cie}.
     */
    public static void main(String[] args) {
        JfrProfile profile = new JfrProfile(0, Path.of(args[0]));
        if (args.length > 1 && "--windows".equals(args[1])) {
            System.out.println(profile.byBatch(Window.read(Path.of(args[2])), args[3], args[4], args[5],
                    args.length > 6 ? Integer.parseInt(args[6]) : 40));
            return;
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.println(args.length > 2 ? profile.callees(args[2], args.length > 3 ? Integer.parseInt(args[3]) : 1, top,
                args.length > 4 ? args[4] : null) : profile.summary(top, null));
    }

    /** Samples with {@code method} ({@code Class.method}) on the stack, by the frame {@code depth} calls below it. */
    String callees(String method, int depth, int top, String requiredAncestor) {
        Map<String, Integer> below = new HashMap<>();
        int under = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (requiredAncestor != null && frames.stream().noneMatch(f -> name(f).equals(requiredAncestor))) {
                    continue;
                }
                for (int i = frames.size() - 1; i >= 0; i--) {
                    if (name(frames.get(i)).equals(method)) {
                        under++;
                        below.merge(i - depth >= 0 ? name(frames.get(i - depth)) : "(self)", 1, Integer::sum);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d samples under %s; %d calls below:%n", under, method, depth));
        final int total = under;
        below.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.0f %% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, total))));
        return out.toString();
    }

    private static String name(RecordedFrame frame) {
        return name(frame.getMethod());
    }

    /** {@code class.method}, as the summaries name methods. */
    static String name(jdk.jfr.consumer.RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private void jcmd(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> areas() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("SAML broker leg, both IdPs (IdentityBrokerService: ACS to redirect with code)", List.of("org.keycloak.services.resources.IdentityBrokerService"));
        a.put("our SPID provider, any frame (it.spidonly; includes Keycloak code it calls)", List.of("it.spidonly."));
        a.put("SPID IdP: ACS leg (SpidResource.assertionConsumerService)", List.of("it.spidonly.keycloak.spid.web.SpidResource"));
        a.put("SPID IdP: AuthnRequest (SpidIdentityProvider.performLogin)", List.of("it.spidonly.keycloak.spid.broker.SpidIdentityProvider.performLogin"));
        a.put("SPID rule chain (it.spidonly.keycloak.spid.rules.RuleChain)", List.of("it.spidonly.keycloak.spid.rules.RuleChain"));
        a.put("SPID Response decoding (it.spidonly.keycloak.spid.rules.ResponseMessage)", List.of("it.spidonly.keycloak.spid.rules.ResponseMessage"));
        a.put("Keycloak SAML broker (org.keycloak.broker.saml)", List.of("org.keycloak.broker.saml."));
        a.put("Keycloak SAML core (org.keycloak.saml, org.keycloak.dom.saml)", List.of("org.keycloak.saml.", "org.keycloak.dom.saml."));
        a.put("XML signatures (Santuario, JSR 105)", List.of("org.apache.xml.security.", "org.jcp.xml.dsig.", "javax.xml.crypto.", "com.sun.org.apache.xml.internal.security."));
        a.put("XML parsing (JAXP/Xerces, StAX)", List.of("com.sun.org.apache.xerces.", "com.sun.xml.internal.stream.", "javax.xml.parsers.", "javax.xml.stream."));
        a.put("RSA (sun.security.rsa)", List.of("sun.security.rsa."));
        a.put("SHA-2 digests (sun.security.provider.SHA*)", List.of("sun.security.provider.SHA", "sun.security.provider.DigestBase"));
        a.put("authentication flows, first-broker-login (org.keycloak.authentication)", List.of("org.keycloak.authentication."));
        a.put("JPA/Hibernate and JDBC (org.hibernate, org.postgresql, io.agroal, org.h2)", List.of("org.hibernate.", "org.postgresql.", "io.agroal.", "org.h2."));
        a.put("Infinispan caches (org.infinispan)", List.of("org.infinispan."));
        a.put("OIDC endpoints and tokens (org.keycloak.protocol.oidc, org.keycloak.jose)", List.of("org.keycloak.protocol.oidc.", "org.keycloak.jose."));
        a.put("events (org.keycloak.events)", List.of("org.keycloak.events."));
        a.put("FreeMarker pages (freemarker)", List.of("freemarker."));
        return a;
    }
}
