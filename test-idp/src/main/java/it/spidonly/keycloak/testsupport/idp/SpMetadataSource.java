package it.spidonly.keycloak.testsupport.idp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The SP metadata, fetched lazily from the configured URL and fetched again on demand (the SP may have rotated its
 * keys). Parsed with {@link SamlXml} (no DTDs, no external entities).
 */
final class SpMetadataSource {

    private static final int MAX_METADATA_BYTES = 1024 * 1024;

    private final String url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private volatile SpMetadata cached;

    SpMetadataSource(String url) {
        this.url = url;
    }

    boolean configured() {
        return url != null;
    }

    /** Whether {@link #current()} would answer without fetching. */
    boolean cached() {
        return cached != null;
    }

    /** The cached metadata, fetched now if this is the first use. */
    SpMetadata current() {
        SpMetadata metadata = cached;
        return metadata != null ? metadata : refresh();
    }

    /** Fetches the metadata again and caches it. */
    synchronized SpMetadata refresh() {
        if (url == null) {
            throw new IllegalStateException("No SP metadata URL is configured for the SPID test IdP");
        }
        try {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("SP metadata " + url + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_METADATA_BYTES + 1);
                if (bytes.length > MAX_METADATA_BYTES) {
                    throw new IllegalStateException("SP metadata " + url + " is larger than " + MAX_METADATA_BYTES + " bytes");
                }
                cached = SpMetadataParser.parse(SamlXml.parse(bytes));
                return cached;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fetch the SP metadata from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching the SP metadata from " + url, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the SP metadata from " + url + ": " + e.getMessage(), e);
        }
    }
}
