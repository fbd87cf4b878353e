package it.spidonly.keycloak.testsupport.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The optimized Keycloak of the cluster: a copy of the unpacked distribution (without its {@code data/}) with the bundle's provider jars in
 * {@code providers/}, {@code docker/keycloak.conf} as {@code conf/keycloak.conf} and {@code kc.sh build} run once,
 * exactly as {@code docker/Dockerfile} builds the image. Then one copy of it per node (Keycloak writes into its
 * own directory). The build is kept and reused while the distribution, the jars and the conf are unchanged
 * (a stamp file holds their digest), because it costs 40-60 s.
 */
public final class ClusterDistribution {

    /** The arguments of {@code kc.sh} for the build: none besides {@code build}, every option is in keycloak.conf. */
    public static final List<String> BUILD_ARGS = List.of("build");
    /** Where the image and the harness put the build-time options. */
    public static final String CONF_IN_DISTRIBUTION = "conf/keycloak.conf";
    /** Jars of {@code integration-tests/target/providers} that are test stand-ins, never in the image. */
    public static final String TEST_ONLY_JAR_PREFIX = "test-providers";

    private static final String STAMP = ".spid-cluster-build";
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    private ClusterDistribution() {
    }

    /** The bundle's jars (names) in {@code providersDir}: what goes into the image's {@code providers/}. */
    public static List<String> bundleJars(Path providersDir) {
        try (Stream<Path> files = Files.list(providersDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".jar") && !name.startsWith(TEST_ONLY_JAR_PREFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list provider jars in " + providersDir, e);
        }
    }

    /** The built distribution under {@code workDir/built}, built now unless an identical build is there. */
    static Path built(Path distribution, Path providersDir, Path keycloakConf, Path workDir) {
        Path built = workDir.resolve("built");
        String stamp = stamp(distribution, providersDir, keycloakConf);
        try {
            if (Files.isRegularFile(built.resolve(STAMP))
                    && Files.readString(built.resolve(STAMP)).equals(stamp)) {
                System.out.println("Cluster: reusing the Keycloak build in " + built + " (same distribution, jars, conf)");
                return built;
            }
            System.out.println("Cluster: kc.sh build in " + built + " (log: " + workDir.resolve("build.log") + ")");
            delete(built);
            Files.createDirectories(built);
            // everything but data/: the shared dev-mode test server may be writing there right now
            try (Stream<Path> entries = Files.list(distribution)) {
                for (Path entry : entries.filter(p -> !p.getFileName().toString().equals("data")).toList()) {
                    copyTree(entry, built.resolve(entry.getFileName()));
                }
            }
            try (Stream<Path> old = Files.list(built.resolve("providers"))) {
                for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.delete(jar);
                }
            }
            for (String jar : bundleJars(providersDir)) {
                Files.copy(providersDir.resolve(jar), built.resolve("providers").resolve(jar));
            }
            Files.copy(keycloakConf, built.resolve(CONF_IN_DISTRIBUTION), StandardCopyOption.REPLACE_EXISTING);
            runBuild(built, workDir.resolve("build.log"));
            Files.writeString(built.resolve(STAMP), stamp);
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the cluster distribution in " + built, e);
        }
    }

    /** A fresh copy of {@code built} at {@code nodeDir}, for one node. */
    static Path copyForNode(Path built, Path nodeDir) {
        delete(nodeDir);
        try {
            Files.createDirectories(nodeDir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + nodeDir.getParent(), e);
        }
        copyTree(built, nodeDir);
        return nodeDir;
    }

    private static void runBuild(Path home, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString()));
        command.addAll(BUILD_ARGS);
        Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            if (!build.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                build.descendants().forEach(ProcessHandle::destroyForcibly);
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build took more than " + BUILD_TIMEOUT_MINUTES + " min; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.destroyForcibly();
            throw new IllegalStateException("Interrupted during kc.sh build", e);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + build.exitValue() + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static String stamp(Path distribution, Path providersDir, Path keycloakConf) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(distribution.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(distribution.resolve("version.txt")));
            digest.update(Files.readAllBytes(keycloakConf));
            for (String jar : bundleJars(providersDir)) {
                digest.update(jar.getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(providersDir.resolve(jar)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the inputs of the cluster build", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code cp -a}: keeps the scripts executable and is much faster than a Java walk for 190 MB. */
    private static void copyTree(Path from, Path to) {
        run(List.of("cp", "-a", from.toString(), to.toString()));
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        }
    }
}
