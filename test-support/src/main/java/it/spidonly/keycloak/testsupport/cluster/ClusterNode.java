package it.spidonly.keycloak.testsupport.cluster;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Keycloak node of a {@link KeycloakCluster}: its own directory, ports, log and process. */
public final class ClusterNode {

    // Infinispan's "ISPN000094: Received new cluster view for channel ISPN: [node-a|1] (2) [node-a, node-b]"
    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: [^\\n]*?\\[[^\\]]*\\] \\((\\d+)\\)");

    private final int number;
    private final Path home;
    private final int jgroupsPort;
    private final KeycloakProcess process;
    private final KeycloakAdmin admin;

    ClusterNode(int number, Path home, int jgroupsPort, KeycloakProcess process) {
        this.number = number;
        this.home = home;
        this.jgroupsPort = jgroupsPort;
        this.process = process;
        this.admin = new KeycloakAdmin(url());
    }

    /** 1-based, as in the balancer's {@link RoundRobinProxy#served()}. */
    public int number() {
        return number;
    }

    /** This node's own base URL ({@code http://127.0.0.1:PORT}), bypassing the balancer. */
    public String url() {
        return "http://127.0.0.1:" + process.httpPort();
    }

    /** The management interface: {@code /health/ready}, {@code /health/live}, {@code /metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + process.managementPort();
    }

    /** Admin REST client talking to this node only. */
    public KeycloakAdmin admin() {
        return admin;
    }

    public Path home() {
        return home;
    }

    public int jgroupsPort() {
        return jgroupsPort;
    }

    public Path logFile() {
        return process.logFile();
    }

    public String logTail() {
        return process.logTail();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * How many lines of this node's log match {@code pattern}: e.g. how often a scheduled task ran here, to show
     * it ran on one node only ({@code cluster.nodes().stream().mapToLong(n -> n.countInLog(ran)).sum() == 1}).
     */
    public long countInLog(Pattern pattern) {
        return log().lines().filter(line -> pattern.matcher(line).find()).count();
    }

    /** The member count of the last cluster view this node logged, 0 if none yet. */
    public int lastClusterViewSize() {
        Matcher view = CLUSTER_VIEW.matcher(log());
        int size = 0;
        while (view.find()) {
            size = Integer.parseInt(view.group(1));
        }
        return size;
    }

    /** Waits until this node has logged a cluster view of {@code members} members. */
    public void awaitClusterView(int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastClusterViewSize() != members) {
            if (System.nanoTime() > deadline || !isRunning()) {
                throw new IllegalStateException("Node " + number + " did not see a cluster of " + members
                        + " within " + timeout.toSeconds() + " s (last view: " + lastClusterViewSize()
                        + "). Last lines of " + logFile() + ":\n" + logTail());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    void awaitReady(Duration timeout) {
        process.awaitReady(timeout);
    }

    /** SIGTERM, then SIGKILL after a grace period (see {@link KeycloakProcess#stop()}). */
    void stop() {
        process.stop();
    }

    private String log() {
        try {
            return new String(Files.readAllBytes(process.logFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
