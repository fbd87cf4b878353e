package it.spidonly.keycloak.testsupport.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run a {@link KeycloakCluster}.
 *
 * @param distribution the unpacked {@code keycloak-quarkus-dist} (never changed: the build works on a copy)
 * @param providers    the provider jars; those named {@code test-providers*} are left out, as in the image
 * @param workDir      where the build, the node directories and their logs go
 * @param nodes        how many nodes (2 unless a test needs more)
 * @param nodeArgs     extra runtime options for every node, e.g. {@code --spi-...=...} or {@code --log-level=...}
 * @param readyTimeout how long one node may take to answer {@code /health/ready} and to join the cluster
 */
public record ClusterSettings(Path distribution, Path providers, Path workDir, int nodes, List<String> nodeArgs,
                              Duration readyTimeout) {

    public ClusterSettings {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1");
        }
        nodeArgs = List.copyOf(nodeArgs);
    }

    /**
     * From the system properties the integration-tests pom sets for failsafe: {@code keycloak.home},
     * {@code keycloak.providers}, {@code test.output} (the work dir is {@code test.output/cluster}), and
     * {@code -Dcluster.readyTimeoutSeconds} (default 300: cold starts on a busy 2-core machine).
     */
    public static ClusterSettings fromSystemProperties(List<String> nodeArgs) {
        return new ClusterSettings(Path.of(required("keycloak.home")), Path.of(required("keycloak.providers")),
                Path.of(System.getProperty("test.output", "target")).resolve("cluster"), 2, nodeArgs,
                Duration.ofSeconds(Long.getLong("cluster.readyTimeoutSeconds", 300)));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the cluster tests through"
                    + " Maven failsafe in integration-tests");
        }
        return value;
    }
}
