package it.spidonly.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo's Keycloak: a fresh copy of the distribution with the bundle's provider jars, started with
 * {@code kc.sh start-dev --db=dev-mem} (embedded H2 in memory: a fresh realm at every start) on 127.0.0.1, and stopped with its whole process tree.
 */
final class KeycloakDev implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final int port;
    private final int managementPort;
    private Process process;

    private KeycloakDev(Path home, int port, int managementPort) {
        this.home = home;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Copies {@code distribution} to {@code workDir}/keycloak (replacing an earlier copy), puts the jars of
     * {@code providers} in, and launches it; {@link #awaitReady} waits for it.
     */
    static KeycloakDev launch(Path distribution, Path providers, Path workDir, int port, int managementPort) {
        Path home = workDir.resolve("keycloak");
        try {
            String fingerprint = fingerprint(distribution, providers);
            Path marker = home.resolve("demo-fingerprint.txt");
            if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
                // same distribution and jars: keep Keycloak's build (a warm start), only the database is new
                deleteTree(home.resolve("data"));
            } else {
                deleteTree(home);
                copyTree(distribution, home);
                deleteTree(home.resolve("data"));
                try (Stream<Path> old = Files.list(home.resolve("providers"))) {
                    for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                        Files.delete(jar);
                    }
                }
                for (Path jar : providerJars(providers)) {
                    Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                home.resolve("bin/kc.sh").toFile().setExecutable(true);
                Files.writeString(marker, fingerprint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak in " + home, e);
        }
        KeycloakDev keycloak = new KeycloakDev(home, port, managementPort);
        keycloak.start();
        return keycloak;
    }

    /** The bundle's jars (test-providers holds stand-ins for the tests only). */
    private static List<Path> providerJars(Path providers) throws IOException {
        try (Stream<Path> jars = Files.list(providers)) {
            return jars.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("test-providers")).sorted().toList();
        }
    }

    private static String fingerprint(Path distribution, Path providers) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(distribution.toAbsolutePath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Path jar : providerJars(providers)) {
                digest.update(jar.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(jar));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void start() {
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--cache=local", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--health-enabled=true", "--hostname-strict=false",
                "--features=declarative-ui"))
                .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + home.resolve("bin/kc.sh"), e);
        }
    }

    /** Waits for /health/ready; throws with the log's tail if Keycloak stops or {@code timeout} passes. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped (exit " + process.exitValue() + "); log: " + log() + "\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; log: " + log() + "\n" + tail());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return home.resolve("keycloak.log");
    }

    /** The Keycloak process tree (kc.sh and its java), for the demo's own checks. */
    List<ProcessHandle> processes() {
        return process == null ? List.of() : Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** SIGTERM to Keycloak's java and kc.sh, up to 30 s, then SIGKILL to whatever is left. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = processes();
        tree.forEach(ProcessHandle::destroy);
        Instant end = Instant.now().plusSeconds(30);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), end).toMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
