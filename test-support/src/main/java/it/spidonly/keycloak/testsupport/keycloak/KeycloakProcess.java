package it.spidonly.keycloak.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Keycloak server process on loopback ports, from launch to stop: the shared {@code kc.sh start-dev} of
 * {@link KeycloakServer}, or any other {@code kc.sh} command line through {@link #start} (the cluster nodes of
 * {@code testsupport.cluster}).
 */
public final class KeycloakProcess {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 50;

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final Thread shutdownHook;
    private boolean stopped;

    private KeycloakProcess(Process process, int httpPort, int managementPort, Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
        // an interrupted run (Ctrl-C, surefire's fork timeout) must not leave a server behind
        this.shutdownHook = new Thread(this::stopQuietly, "keycloak-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static KeycloakProcess launch(KeycloakHome home, KeycloakOptions options, Path logFile) {
        int[] ports = freeLoopbackPorts(2);
        List<String> args = new ArrayList<>(List.of("start-dev",
                "--db=dev-mem", "--cache=local", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + ports[0], "--http-management-port=" + ports[1],
                "--health-enabled=true", "--hostname-strict=false"));
        args.addAll(options.args());
        return start(home, args, options.env(), ports[0], ports[1], logFile);
    }

    /**
     * Runs {@code kc.sh ARGS} in {@code home} with the bootstrap admin of {@link KeycloakAdmin} and {@code env},
     * stdout and stderr to {@code logFile}. {@code args} must make the server listen on {@code httpPort} and
     * {@code managementPort}; nothing else is added.
     */
    public static KeycloakProcess start(KeycloakHome home, List<String> args, Map<String, String> env,
                                        int httpPort, int managementPort, Path logFile) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.kcScript().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakAdmin.ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakAdmin.ADMIN_PASSWORD);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            return new KeycloakProcess(builder.start(), httpPort, managementPort, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + command, e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code /health/ready} on the management port until it answers 200. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the management interface opens late in the boot
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds()
                + " s. Last lines of " + logFile + ":\n" + logTail());
    }

    /**
     * SIGTERM to the process we started ({@code kc.sh} forwards it to Java, or is Java after a
     * re-augmentation), then SIGKILL to whatever of its tree is still there after a grace period.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                tree = new ArrayList<>(tree);
                tree.addAll(process.descendants().toList());
                process.destroyForcibly();
            }
            for (ProcessHandle lingering : tree) {
                if (lingering.isAlive()) {
                    lingering.destroyForcibly();
                    lingering.onExit().get(10, TimeUnit.SECONDS);
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop Keycloak (pid " + process.pid() + ")", e);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("Could not stop Keycloak: " + e);
        }
    }

    public String logTail() {
        try {
            String log = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
            List<String> lines = log.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    private static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing was bound to it
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}
