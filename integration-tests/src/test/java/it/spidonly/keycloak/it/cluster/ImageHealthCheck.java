package it.spidonly.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.testsupport.cluster.DockerFiles;

/** The HEALTHCHECK of {@code docker/Dockerfile}, run as Docker would run its exec form, against a given port. */
final class ImageHealthCheck {
    private static final String IMAGE_TARGET = "/127.0.0.1/9000";
    private final List<String> command;

    private ImageHealthCheck(List<String> command) {
        this.command = command;
    }

    static ImageHealthCheck ofDockerfile() throws IOException {
        String dockerfile = Files.readString(DockerFiles.locate().dockerfile()).replace("\\\n", " ");
        Matcher check = Pattern.compile("(?m)^HEALTHCHECK .*? CMD (\\[.*\\])\\s*$").matcher(dockerfile);
        assertTrue(check.find(), "docker/Dockerfile has a HEALTHCHECK in exec form");
        List<String> command = new ArrayList<>();
        new ObjectMapper().readTree(check.group(1)).forEach(part -> command.add(part.asText()));
        assertTrue(command.get(command.size() - 1).contains(IMAGE_TARGET), command::toString);
        return new ImageHealthCheck(command);
    }

    /** The command's exit code with the image's management port 9000 replaced by {@code port} (0: healthy). */
    int exitCodeAgainst(int port) throws IOException, InterruptedException {
        List<String> onPort = new ArrayList<>(command);
        onPort.set(onPort.size() - 1, onPort.get(onPort.size() - 1).replace(IMAGE_TARGET, "/127.0.0.1/" + port));
        Process process = new ProcessBuilder(onPort).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the health check ends");
        return process.exitValue();
    }
}
