package it.spidonly.keycloak.spid.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.http.HttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Reads the registry aggregate from where the settings say: the copy shipped in the bundle, an {@code http(s)} URL
 * (through Keycloak's outgoing HTTP client, so its proxy and trust settings apply), or a file in the server's
 * registry directory (a realm admin cannot make Keycloak read any other file). At most
 * {@link RegistryAggregate#MAX_BYTES}.
 */
final class RegistrySource {
    static final String BUNDLED_RESOURCE = "/spid-registry/spid-entities-idps.2025-11-24.xml";

    private RegistrySource() {
    }

    static boolean isFile(String source) {
        return source.startsWith("file:");
    }

    static boolean isUrl(String source) {
        return source.startsWith("https://") || source.startsWith("http://");
    }

    static byte[] read(KeycloakSession session, String source, Path fileDir) {
        if (RegistrySettings.BUNDLED.equals(source)) {
            try (InputStream in = RegistrySource.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                return capped(in);
            } catch (IOException e) {
                throw new IllegalStateException("the bundled registry is missing from the jar", e);
            }
        }
        if (isFile(source)) {
            try (InputStream in = Files.newInputStream(file(source, fileDir))) {
                return capped(in);
            } catch (IOException e) {
                throw new RegistryRejected("spidRegistryUnreachable", e.getClass().getSimpleName());
            }
        }
        if (isUrl(source)) {
            return fetch(session, source);
        }
        throw new RegistryRejected("spidRegistrySourceInvalid", source);
    }

    /** The file a {@code file:} source names, which must lie inside the registry directory. */
    static Path file(String source, Path fileDir) {
        String name = source.substring("file:".length());
        Path dir = fileDir.toAbsolutePath().normalize();
        Path path = dir.resolve(name).normalize();
        if (!path.startsWith(dir) || path.equals(dir)) {
            throw new RegistryRejected("spidRegistryFileNotAllowed", dir.toString());
        }
        return path;
    }

    private static byte[] fetch(KeycloakSession session, String url) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/samlmetadata+xml, application/xml, text/xml");
        try {
            HttpResponse response = session.getProvider(HttpClientProvider.class).getHttpClient().execute(get);
            try (InputStream in = response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent()) {
                int status = response.getStatusLine().getStatusCode();
                if (status != 200) {
                    throw new RegistryRejected("spidRegistryUnreachable", "HTTP " + status);
                }
                return capped(in);
            }
        } catch (IOException e) {
            throw new RegistryRejected("spidRegistryUnreachable", e.getClass().getSimpleName());
        } finally {
            get.releaseConnection();
        }
    }

    private static byte[] capped(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(RegistryAggregate.MAX_BYTES + 1);
        if (bytes.length > RegistryAggregate.MAX_BYTES) {
            throw new RegistryRejected("spidRegistryTooLarge", "over " + RegistryAggregate.MAX_BYTES + " bytes");
        }
        return bytes;
    }
}
