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
final class JfrProfile {
    /** Area name → package or class prefixes; a sample counts for an area when one frame starts with a prefix. */
    static final Map<String, List<String>> AREAS = areas();

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
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        AREAS.keySet().forEach(a -> inclusive.put(a, 0));
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
                for (RecordedFrame frame : stack.getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    AREAS.forEach((area, prefixes) -> {
                        if (prefixes.stream().anyMatch(type::startsWith)) {
                            hit.add(area);
                        }
                    });
                }
                hit.forEach(a -> inclusive.merge(a, 1, Integer::sum));
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
        out.append("\n| hottest methods (self: top frame) | samples | share |\n|---|---|---|\n");
        final int total = samples;
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(topMethods)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f %% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
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
        a.put("our SPID provider (it.spidonly)", List.of("it.spidonly."));
        a.put("  - SPID rule chain (it.spidonly.keycloak.spid.rules)", List.of("it.spidonly.keycloak.spid.rules."));
        a.put("Keycloak SAML broker (org.keycloak.broker.saml)", List.of("org.keycloak.broker.saml."));
        a.put("Keycloak SAML core (org.keycloak.saml, org.keycloak.dom.saml)", List.of("org.keycloak.saml.", "org.keycloak.dom.saml."));
        a.put("XML signatures (Santuario, JSR 105)", List.of("org.apache.xml.security.", "org.jcp.xml.dsig.", "javax.xml.crypto."));
        a.put("XML parsing and writing (JAXP/Xerces/Xalan, StAX)", List.of("com.sun.org.apache.xerces.", "com.sun.org.apache.xml.", "com.sun.org.apache.xalan.", "com.sun.xml.internal.stream.", "javax.xml."));
        a.put("RSA and big integers (sun.security, java.math)", List.of("sun.security.rsa.", "java.math.BigInteger", "sun.security.ec."));
        a.put("first-broker-login and user import (org.keycloak.authentication, broker services)", List.of("org.keycloak.authentication.", "org.keycloak.services.resources.IdentityBrokerService"));
        a.put("JPA/Hibernate and JDBC (org.hibernate, org.postgresql, io.agroal)", List.of("org.hibernate.", "org.postgresql.", "io.agroal.", "org.h2."));
        a.put("Infinispan caches (org.infinispan)", List.of("org.infinispan."));
        a.put("OIDC tokens and JOSE (org.keycloak.protocol.oidc, org.keycloak.jose, crypto)", List.of("org.keycloak.protocol.oidc.", "org.keycloak.jose.", "org.keycloak.crypto."));
        a.put("FreeMarker pages (freemarker)", List.of("freemarker."));
        a.put("HTTP stack (Vert.x, Netty, RESTEasy)", List.of("io.vertx.", "io.netty.", "org.jboss.resteasy."));
        return a;
    }
}
