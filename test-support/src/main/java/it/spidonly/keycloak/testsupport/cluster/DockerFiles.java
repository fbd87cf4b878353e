package it.spidonly.keycloak.testsupport.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's {@code docker/} directory: the Dockerfile, the compose file and {@code keycloak.conf}, the one
 * source of the build-time options shared by the image and the cluster tests. Found from
 * {@code -Dspid.docker.dir} (set by the integration-tests pom) or else by looking upwards from the working directory.
 */
public final class DockerFiles {

    static final String DIR = "spid.docker.dir";

    private final Path dir;

    private DockerFiles(Path dir) {
        this.dir = dir;
    }

    public static DockerFiles locate() {
        String configured = System.getProperty(DIR);
        if (configured != null && !configured.isBlank()) {
            return checked(Path.of(configured));
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("docker/keycloak.conf"))) {
                return checked(at.resolve("docker"));
            }
        }
        throw new IllegalStateException("No docker/keycloak.conf above " + Path.of("").toAbsolutePath()
                + ": set -D" + DIR);
    }

    private static DockerFiles checked(Path dir) {
        if (!Files.isRegularFile(dir.resolve("keycloak.conf"))) {
            throw new IllegalStateException("No keycloak.conf in " + dir.toAbsolutePath());
        }
        return new DockerFiles(dir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    /** Build-time options, copied as {@code conf/keycloak.conf} before {@code kc.sh build}. */
    public Path keycloakConf() {
        return dir.resolve("keycloak.conf");
    }

    public Path dockerfile() {
        return dir.resolve("Dockerfile");
    }

    public Path compose() {
        return dir.resolve("compose.yaml");
    }

    public Path nginxConf() {
        return dir.resolve("nginx.conf");
    }

    /** The realm the compose file imports. */
    public Path composeRealm() {
        return dir.resolve("import/" + ComposeRealm.REALM + "-realm.json");
    }
}
