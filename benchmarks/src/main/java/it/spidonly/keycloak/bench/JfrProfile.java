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
 * A JFR recording of the Keycloak JVM over the measured rounds only ({@code jcmd PID JFR.start settings=profile}
 * after the warm-up, {@code JFR.stop} after the last round), then a summary of its {@code jdk.ExecutionSample}
 * events: the hottest methods (top frame, "self") and the share of samples spent under each area of code
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

    void start() {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    void stop() {
        jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    }

    /** The Markdown summary of the recording. */
    String summary(int topMethods) {
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
                if (stack == null || stack.getFrames().isEmpty()) {
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
        out.append(String.format(Locale.ROOT, "JFR (settings=profile) over the measured rounds: %d execution samples.%n%n", samples));
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
     * {@code JfrProfile FILE.jfr [TOP]}: the same summary for any recording (e.g. of a JMH fork);
     * {@code JfrProfile FILE.jfr TOP Class.method [DEPTH [Ancestor.method]]}: where the samples under that method go (its
     * callees at DEPTH, default 1), optionally only in samples with the ancestor on the stack.
     */
    public static void main(String[] args) {
        JfrProfile profile = new JfrProfile(0, Path.of(args[0]));
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.println(args.length > 2 ? profile.callees(args[2], args.length > 3 ? Integer.parseInt(args[3]) : 1, top,
                args.length > 4 ? args[4] : null) : profile.summary(top));
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
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
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
