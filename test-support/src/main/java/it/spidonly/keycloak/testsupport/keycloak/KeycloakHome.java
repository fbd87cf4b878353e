package it.spidonly.keycloak.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The unpacked distribution that the tests own: its {@code providers/} and {@code data/import/}. */
public final class KeycloakHome {

    private final Path home;

    public KeycloakHome(Path home) {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + " (bin/kc.sh missing): run the tests through Maven (mvn verify -pl integration-tests)"
                    + " or set -Dkeycloak.home");
        }
        this.home = home;
    }

    public Path path() {
        return home;
    }

    public Path kcScript() {
        return home.resolve("bin/kc.sh");
    }

    /**
     * Makes {@code providers/} hold exactly the jars of {@code source}. A jar is written only when
     * its bytes differ, because any change there makes Quarkus re-run its 20-second build step.
     */
    public void syncProviders(Path source) {
        Path target = home.resolve("providers");
        try {
            Files.createDirectories(target);
            Set<String> wanted = jarNames(source);
            for (String name : wanted) {
                Path from = source.resolve(name);
                Path to = target.resolve(name);
                if (!Files.exists(to) || Files.mismatch(from, to) != -1L) {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String stale : jarNames(target)) {
                if (!wanted.contains(stale)) {
                    Files.delete(target.resolve(stale));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy provider jars from " + source + " to " + target, e);
        }
    }

    /** Replaces the realm files of {@code data/import/} with the given ones (file name to JSON bytes). */
    void replaceRealmImports(Map<String, byte[]> realms) {
        Path target = home.resolve("data/import");
        try {
            Files.createDirectories(target);
            try (Stream<Path> old = Files.list(target)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, byte[]> realm : realms.entrySet()) {
                Files.write(target.resolve(realm.getKey()), realm.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare realm imports in " + target, e);
        }
    }

    private static Set<String> jarNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
            return jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
