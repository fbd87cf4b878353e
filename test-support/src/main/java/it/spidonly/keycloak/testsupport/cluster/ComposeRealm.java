package it.spidonly.keycloak.testsupport.cluster;

import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The realm that {@code docker/compose.yaml} imports ({@code docker/import/ministero-realm.json}): the project's
 * realm template, as in the demo, with the compose URLs (the load balancer on {@code localhost:8080}, the SPID test
 * IdP on {@code localhost:8190}) and the test IdP's public demo key. The file is generated, never edited:
 * {@code ComposeRealm <docker-dir>} writes it, and {@code ClusterDockerFilesIT} fails when it is stale.
 */
public final class ComposeRealm {

    public static final String REALM = "ministero";
    /** The balancer as the browser (and every Keycloak node, as {@code KC_HOSTNAME}) sees it. */
    public static final String KEYCLOAK_URL = "http://localhost:8080";
    /** The SPID test IdP as the browser sees it (also its entityID). */
    public static final String IDP_URL = "http://localhost:8190";

    private ComposeRealm() {
    }

    public static String json() {
        return SpidRealm.named(REALM)
                .testIdp(IDP_URL, IDP_URL, SigningCredential.demo().certificateBase64())
                .appRedirectUri(KEYCLOAK_URL + "/realms/" + REALM + "/account/*")
                .toJson();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ComposeRealm <docker-dir>");
            System.exit(2);
        }
        Path file = Path.of(args[0]).resolve("import/" + REALM + "-realm.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
