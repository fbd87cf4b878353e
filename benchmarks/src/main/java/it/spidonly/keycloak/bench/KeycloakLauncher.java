package it.spidonly.keycloak.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's own Keycloak: the unpacked distribution with our provider jars in {@code providers/}, started
 * as a separate process in production mode ({@code kc.sh start}, PostgreSQL, HTTP on loopback, local caches,
 * the distribution's default JVM options: G1, {@code -Xms64m -Xmx512m}) or, with {@code db=dev-mem},
 * {@code start-dev} on the in-memory H2 database. Stopped with SIGTERM (kc.sh forwards it), then SIGKILL.
 */
final class KeycloakLauncher implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;

    private KeycloakLauncher(Process process, int httpPort, int managementPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "keycloak-bench-stop"));
    }

    /** {@code jvmOptions}: appended to the distribution's (JAVA_OPTS_APPEND), e.g. a JFR recording from the start. */
    static KeycloakLauncher start(Path home, Path providers, String db, String jdbcUrl, Path log, List<String> jvmOptions) {
        syncProviders(providers, home.resolve("providers"));
        int http = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString()));
        if ("postgres".equals(db)) {
            command.addAll(List.of("start", "--db=postgres", "--db-url=" + jdbcUrl, "--db-username=postgres",
                    "--http-enabled=true", "--hostname=http://127.0.0.1:" + http));
        } else {
            command.addAll(List.of("start-dev", "--db=dev-mem", "--hostname-strict=false"));
        }
        command.addAll(List.of("--cache=local", "--http-host=127.0.0.1", "--http-port=" + http,
                "--http-management-port=" + management, "--health-enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (!jvmOptions.isEmpty()) {
            builder.environment().merge("JAVA_OPTS_APPEND", String.join(" ", jvmOptions), (given, ours) -> given + " " + ours);
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            KeycloakLauncher launched = new KeycloakLauncher(builder.start(), http, management, log);
            try {
                // 15 minutes: on a 2-core machine shared with other builds (load 20+) the first start, which
                // re-runs Quarkus's build step for the new provider jars, has taken more than 6
                launched.awaitReady(Duration.ofMinutes(15));
            } catch (RuntimeException e) {
                launched.close();
                throw e;
            }
            return launched;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + command, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the management interface opens late in the boot
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + timeout + ", see " + log);
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.addAll(process.descendants().toList());
                process.destroyForcibly();
            }
            for (ProcessHandle p : tree) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Copies only jars whose bytes differ: any change in providers/ makes Quarkus re-run its build step. */
    private static void syncProviders(Path from, Path to) {
        try (Stream<Path> jars = Files.list(from)) {
            Files.createDirectories(to);
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Path target = to.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.mismatch(jar, target) != -1L) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the provider jars from " + from, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
