package it.spidonly.keycloak.spid.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The official logos of the registry's IdPs that the spid-only theme ships ({@code spid-registry/idp-logos.properties}:
 * entityID to file name, with provenance). AgID's registry aggregate carries no {@code mdui:Logo}; its JSON list names
 * these files. Read-only data of the jar, the same on every node.
 */
final class BundledIdpLogos {
    private static final Properties LOGOS = load();

    private BundledIdpLogos() {
    }

    /** The theme's file name of the IdP's logo (e.g. {@code spid-idp-posteid.svg}), if the bundle has one. */
    static Optional<String> of(String entityId) {
        return Optional.ofNullable(entityId).map(LOGOS::getProperty);
    }

    private static Properties load() {
        Properties logos = new Properties();
        try (InputStream in = BundledIdpLogos.class.getResourceAsStream("/spid-registry/idp-logos.properties")) {
            logos.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logos;
    }
}
