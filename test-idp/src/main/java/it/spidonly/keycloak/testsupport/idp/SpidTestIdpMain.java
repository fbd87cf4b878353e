package it.spidonly.keycloak.testsupport.idp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the SPID test IdP standalone for the demo:
 * {@code --port 8190 --sp-metadata <url> [--users <file.json>] [--entity-id <id>]
 * [--cie-sp-metadata <url>] [--cie-users <file.json>]}; the CIE mode runs under {@code /cie} (its SP metadata by default
 * the SPID one's CIE sibling, {@code .../spid/cie/metadata}). Prints the metadata URL and runs
 * until the JVM is stopped (SIGTERM or Ctrl-C close the server).
 */
public final class SpidTestIdpMain {

    private SpidTestIdpMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SpidTestIdpSettings.Builder settings = SpidTestIdpSettings.builder().port(8190);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : usage("Missing value for " + option);
            switch (option) {
                case "--port" -> settings.port(Integer.parseInt(value));
                case "--sp-metadata" -> settings.spMetadataUrl(value);
                case "--users" -> settings.users(readUsers(Path.of(value)));
                case "--entity-id" -> settings.entityId(value);
                case "--cie-sp-metadata" -> settings.cieSpMetadataUrl(value);
                case "--cie-users" -> settings.cieUsers(readUsers(Path.of(value)));
                default -> usage("Unknown option " + option);
            }
        }
        SpidTestIdp idp = SpidTestIdp.start(settings.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            idp.close();
            stopped.countDown();
        }, "spid-test-idp-shutdown"));
        System.out.println("SPID test IdP metadata: " + idp.metadataUrl());
        System.out.println("CIE test IdP metadata: " + idp.cieMetadataUrl());
        stopped.await();
    }

    private static List<TestUser> readUsers(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return TestUser.loadJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: SpidTestIdpMain --port 8190 --sp-metadata <url> [--users <file.json>] [--entity-id <id>]"
                + " [--cie-sp-metadata <url>] [--cie-users <file.json>]");
        System.exit(2);
        return null;
    }
}
