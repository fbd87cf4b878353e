package it.spidonly.keycloak.testsupport.cluster;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakHome;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak nodes of the real distribution on loopback, clustered as in production: one PostgreSQL database of
 * their own, Infinispan over JGroups with JDBC ping, the build-time options of {@code docker/keycloak.conf}
 * ({@code kc.sh build} once, then {@code start --optimized} per node), and one hostname, the URL of a
 * round-robin {@link RoundRobinProxy balancer} without sticky sessions in front of them.
 *
 * <p>Started with {@link #start(ClusterSettings)}: the proxy first (its URL is the nodes' {@code --hostname}), then
 * the build, then node 1 (it creates the schema and the bootstrap admin), then the others; ready means every
 * {@code /health/ready} answers 200 and every node has logged a cluster view of all nodes. {@link #close()} stops
 * the nodes (SIGTERM), the proxy, and drops the database. Usually run through {@link KeycloakClusterExtension}.
 */
public final class KeycloakCluster implements AutoCloseable {

    private final ClusterSettings settings;
    private final PostgresDatabase database;
    private final RoundRobinProxy balancer;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final KeycloakAdmin admin;

    private KeycloakCluster(ClusterSettings settings, PostgresDatabase database, RoundRobinProxy balancer) {
        this.settings = settings;
        this.database = database;
        this.balancer = balancer;
        this.admin = new KeycloakAdmin(balancer.url());
    }

    /** Starts the cluster, or aborts the calling test (skipped) if PostgreSQL is not reachable. */
    public static KeycloakCluster start(ClusterSettings settings) {
        PostgresDatabase database = PostgresDatabase.createOrSkip();
        KeycloakCluster cluster = new KeycloakCluster(settings, database, RoundRobinProxy.start());
        try {
            cluster.startNodes();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startNodes() {
        Path built = ClusterDistribution.built(settings.distribution(), settings.providers(),
                DockerFiles.locate().keycloakConf(), settings.workDir());
        int[] jgroups = LoopbackPorts.jgroups(settings.nodes());
        Path runDir = settings.workDir().resolve("run-" + database.name());
        for (int n = 1; n <= settings.nodes(); n++) {
            Path home = ClusterDistribution.copyForNode(built, runDir.resolve("node-" + n));
            int[] ports = LoopbackPorts.free(2);
            KeycloakProcess process = KeycloakProcess.start(new KeycloakHome(home),
                    nodeArgs(ports[0], ports[1], jgroups[n - 1]), Map.of(), ports[0], ports[1],
                    runDir.resolve("node-" + n + ".log"));
            ClusterNode node = new ClusterNode(n, home, jgroups[n - 1], process);
            nodes.add(node);
            balancer.addNode(node.url());
            // one at a time: node 1 creates the schema; two cold starts at once would also starve a 2-core machine
            node.awaitReady(settings.readyTimeout());
        }
        for (ClusterNode node : nodes) {
            node.awaitClusterView(nodes.size(), settings.readyTimeout());
        }
    }

    /** {@code kc.sh} arguments of a node: runtime options only, the build-time ones are in conf/keycloak.conf. */
    private List<String> nodeArgs(int httpPort, int managementPort, int jgroupsPort) {
        List<String> args = new ArrayList<>(List.of("start", "--optimized",
                "--db-url=" + database.jdbcUrl(), "--db-username=" + database.user(),
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=" + balancer.url(),
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + jgroupsPort));
        if (!database.password().isEmpty()) {
            args.add("--db-password=" + database.password());
        }
        args.addAll(settings.nodeArgs());
        return args;
    }

    /** The balancer's URL: the cluster's one hostname, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return balancer.url();
    }

    /** {@code URL/realms/REALM}: the issuer of the realm's tokens on every node. */
    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    /** Admin REST client through the balancer (each call may land on any node). */
    public KeycloakAdmin admin() {
        return admin;
    }

    public RoundRobinProxy balancer() {
        return balancer;
    }

    public PostgresDatabase database() {
        return database;
    }

    /** Node {@code number}, 1-based. */
    public ClusterNode node(int number) {
        return nodes.get(number - 1);
    }

    public List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * Stops node {@code number} with SIGTERM (a graceful leave, as an orchestrator does), takes it out of the
     * balancer and waits until every other running node has logged the smaller cluster view.
     */
    public void stopNode(int number) {
        balancer.takeOut(number);
        node(number).stop();
        long running = nodes.stream().filter(ClusterNode::isRunning).count();
        for (ClusterNode other : nodes) {
            if (other.isRunning()) {
                other.awaitClusterView((int) running, settings.readyTimeout());
            }
        }
    }

    /** Stops every node and the balancer, deletes the node directories (not their logs), drops the database. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ClusterNode node : nodes) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        balancer.close();
        for (ClusterNode node : nodes) {
            if (!node.isRunning()) {
                ClusterDistribution.delete(node.home()); // 190 MB each; the logs stay beside them
            }
        }
        try {
            database.close();
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
