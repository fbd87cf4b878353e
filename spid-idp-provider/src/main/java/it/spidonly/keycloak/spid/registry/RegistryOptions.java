package it.spidonly.keycloak.spid.registry;

import java.nio.file.Path;

import org.keycloak.Config;

/**
 * Server-wide options of the registry, read once at start ({@code --spi-ui-page--spid-registry--...}):
 * {@code file-dir}, the only directory {@code file:} sources may name (default {@code data/spid-registry} in
 * Keycloak's home), and {@code tick-seconds}, how often each node looks for realms due for a refresh (default 60).
 */
record RegistryOptions(Path fileDir, int tickSeconds) {
    static RegistryOptions from(Config.Scope config) {
        String home = System.getProperty("kc.home.dir", ".");
        String dir = config == null ? null : config.get("fileDir");
        int tick = config == null ? 60 : config.getInt("tickSeconds", 60);
        return new RegistryOptions(Path.of(dir == null || dir.isBlank() ? home + "/data/spid-registry" : dir), Math.max(1, tick));
    }
}
