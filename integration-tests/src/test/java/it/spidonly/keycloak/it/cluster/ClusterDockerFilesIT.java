package it.spidonly.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import it.spidonly.keycloak.testsupport.cluster.ClusterDistribution;
import it.spidonly.keycloak.testsupport.cluster.ComposeRealm;
import it.spidonly.keycloak.testsupport.cluster.DockerFiles;

/**
 * There is no Docker engine on the machines that run these tests, so the image is never built here. Instead the
 * Docker files are held to the same source as the cluster IT: the Keycloak version of the build, the build-time
 * options of {@code docker/keycloak.conf} (which the cluster nodes are built with), the provider jars the tests
 * install, and the realm template. A change to one side without the other fails here.
 */
class ClusterDockerFilesIT {
    private static final DockerFiles DOCKER = DockerFiles.locate();
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final Pattern PROVIDER_COPY = Pattern.compile(
            "(?m)^COPY --from=bundle (?:--chown=\\S+ )?/src/([\\w-]+)/target/([\\w-]+)-\\*\\.jar /opt/keycloak/providers/\\s*$");

    @Test
    void theImageIsBuiltOnTheKeycloakVersionOfTheBuildAndTheTests() throws IOException {
        String version = System.getProperty("keycloak.dist.version");
        String dockerfile = dockerfile();
        Matcher arg = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertTrue(arg.find(), "the Dockerfile declares ARG KEYCLOAK_VERSION");
        assertEquals(version, arg.group(1), "docker/Dockerfile and pom.xml's keycloak.dist.version");
        List<String> keycloakImages = stages(dockerfile).keySet().stream().filter(i -> i.startsWith("quay.io/keycloak/")).toList();
        assertFalse(keycloakImages.isEmpty());
        assertEquals(Set.of("quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}"), Set.copyOf(keycloakImages),
                "every Keycloak stage uses the official image at that version");
        assertEquals("Keycloak - Version " + version,
                Files.readString(Path.of(System.getProperty("keycloak.home"), "version.txt")).trim(),
                "the distribution the cluster IT runs");
    }

    @Test
    void theImageRunsTheClusterTestsBuildStep() throws IOException {
        String dockerfile = dockerfile();
        assertTrue(dockerfile.contains("\nCOPY --chown=1000:0 docker/keycloak.conf /opt/keycloak/"
                + ClusterDistribution.CONF_IN_DISTRIBUTION + "\n"), "the image takes its build options from docker/keycloak.conf");
        List<String> builds = lines(dockerfile, "RUN /opt/keycloak/bin/kc.sh ");
        assertEquals(List.of(ClusterDistribution.BUILD_ARGS), builds.stream()
                .map(l -> Arrays.asList(l.substring("RUN /opt/keycloak/bin/kc.sh ".length()).trim().split("\\s+"))).toList(),
                "one kc.sh build, with no options besides keycloak.conf, as the cluster IT runs it");
        Map<String, String> options = keycloakConf();
        assertEquals("postgres", options.get("db"));
        assertEquals("ispn", options.get("cache"));
        assertEquals("jdbc-ping", options.get("cache-stack"));
        assertEquals("true", options.get("health-enabled"));
        assertTrue(options.getOrDefault("features", "").contains("declarative-ui"), "the admin console lists our pages");
    }

    @Test
    void theImageHoldsExactlyTheProviderJarsTheTestsInstallAndRunsOptimizedAsNonRoot() throws IOException {
        String dockerfile = dockerfile();
        Set<String> copied = new TreeSet<>();
        Matcher copy = PROVIDER_COPY.matcher(dockerfile);
        while (copy.find()) {
            assertEquals(copy.group(1), copy.group(2), "a module's own jar");
            copied.add(copy.group(2) + ".jar");
        }
        Set<String> installed = new TreeSet<>(ClusterDistribution.bundleJars(Path.of(System.getProperty("keycloak.providers"))));
        assertEquals(installed, copied, "docker/Dockerfile and integration-tests/pom.xml copy-providers (without test stand-ins)");
        assertTrue(installed.containsAll(List.of("spid-idp-provider.jar", "themes.jar")), installed::toString);

        String last = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertTrue(last.contains("\nUSER 1000\n"), "the image runs as Keycloak's non-root user");
        assertTrue(last.contains("\nCMD [\"start\", \"--optimized\"]"), "the image starts without re-building");
        assertTrue(last.contains("HEALTHCHECK ") && last.contains("/dev/tcp/127.0.0.1/9000") && last.contains("/health/ready"),
                "the health check asks the management interface");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoNodesOfThatImageWithOneHostnameBehindARoundRobinBalancer() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.compose()));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> nodes = services.keySet().stream().filter(s -> s.startsWith("keycloak-")).sorted().toList();
        assertEquals(List.of("keycloak-1", "keycloak-2"), nodes);
        Set<Object> hostnames = new TreeSet<>();
        for (String node : nodes) {
            Map<String, Object> service = services.get(node);
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertEquals("docker/Dockerfile", build.get("dockerfile"), node);
            assertEquals(null, build.get("target"), node + " runs the final (Keycloak) stage");
            List<String> command = (List<String>) service.get("command");
            assertEquals(List.of("start", "--optimized"), command.subList(0, 2), node);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertTrue(String.valueOf(env.get("KC_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/"), node);
            hostnames.add(env.get("KC_HOSTNAME"));
        }
        assertEquals(Set.of(ComposeRealm.KEYCLOAK_URL), hostnames, "one hostname for both nodes: the balancer");
        assertEquals(1, nodes.stream().filter(n -> ((List<String>) services.get(n).get("command")).contains("--import-realm")).count(),
                "one node imports the realm");
        assertEquals("spid-test-idp", ((Map<String, Object>) services.get("spid-test-idp").get("build")).get("target"));

        String nginx = Files.readString(DOCKER.nginxConf());
        String upstream = nginx.substring(nginx.indexOf("upstream keycloak {"), nginx.indexOf('}', nginx.indexOf("upstream keycloak {")));
        assertEquals(List.of("keycloak-1:8080", "keycloak-2:8080"), lines(upstream, "server ").stream()
                .map(l -> l.split("\\s+")[1]).toList());
        for (String affinity : List.of("ip_hash", "hash ", "sticky", "least_conn", "random")) {
            assertFalse(upstream.contains(affinity), "round robin without stickiness, found " + affinity);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composesTestIdpIsTheOneTheRealmTrustsAndNginxPublishesIt() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.compose()));
        Map<String, Object> idp = ((Map<String, Map<String, Object>>) compose.get("services")).get("spid-test-idp");
        List<String> command = (List<String>) idp.get("command");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < command.size(); i += 2) {
            options.put(command.get(i), command.get(i + 1));
        }
        assertEquals(Set.of("--port", "--entity-id", "--sp-metadata"), options.keySet(), "options SpidTestIdpMain knows");
        assertEquals(ComposeRealm.IDP_URL, options.get("--entity-id"), "the entityID the realm's SPID IdP expects");
        assertEquals("http://127.0.0.1:8080/realms/" + ComposeRealm.REALM + "/spid/metadata", options.get("--sp-metadata"));
        assertTrue(((List<String>) idp.get("ports")).containsAll(List.of("8080:8080", "8190:8190")));

        String nginx = Files.readString(DOCKER.nginxConf());
        assertTrue(nginx.contains("proxy_pass http://127.0.0.1:" + options.get("--port") + ";"), "nginx publishes the IdP's port");
        assertTrue(nginx.contains("listen " + java.net.URI.create(ComposeRealm.IDP_URL).getPort() + ";"));
        assertTrue(nginx.contains("listen " + java.net.URI.create(ComposeRealm.KEYCLOAK_URL).getPort() + ";"));
        assertEquals("service:spid-test-idp", ((Map<String, Map<String, Object>>) compose.get("services")).get("lb").get("network_mode"));
    }

    @Test
    void composeImportsTheRealmGeneratedFromTheProjectsTemplate() throws IOException {
        assertEquals(ComposeRealm.json(), Files.readString(DOCKER.composeRealm()),
                "docker/import is stale: regenerate it with test-support's ComposeRealm (see docker/README.md)");
    }

    private static String dockerfile() throws IOException {
        // join continuation lines, so that one instruction is one line
        return Files.readString(DOCKER.dockerfile()).replace("\\\n", " ");
    }

    /** Image to stage name, in order. */
    private static Map<String, String> stages(String dockerfile) {
        Map<String, String> stages = new LinkedHashMap<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            stages.put(from.group(1), from.group(2) == null ? "" : from.group(2));
        }
        return stages;
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().map(String::trim).filter(l -> l.startsWith(prefix)).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Map<String, String> keycloakConf() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCKER.keycloakConf())) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                options.put(l.substring(0, l.indexOf('=')).trim(), l.substring(l.indexOf('=') + 1).trim());
            }
        }
        return options;
    }
}
