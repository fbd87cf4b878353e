package it.spidonly.keycloak.oidcfed.trust;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import it.spidonly.keycloak.oidcfed.entity.TrustAnchor;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchorEntity;

/**
 * The test trust anchor and its hosted entities as a {@link StatementSource} without the network: URLs are routed to
 * the same methods the test anchor's HTTP server calls. {@link #replace} serves a given body at a URL instead.
 */
final class InMemoryFederation implements StatementSource, AutoCloseable {
    final TestTrustAnchor anchor = TestTrustAnchor.start();
    final TestTrustAnchorEntity op = anchor.entity("op", "openid_provider");
    private final Map<String, String> replaced = new ConcurrentHashMap<>();

    @Override
    public String get(String url, String accept) throws TrustChainException {
        if (replaced.containsKey(url)) {
            return replaced.get(url);
        }
        if (url.equals(StatementSource.entityConfigurationUrl(anchor.entityId()))) {
            return anchor.entityConfiguration();
        }
        if (url.equals(StatementSource.entityConfigurationUrl(op.entityId()))) {
            return op.entityConfiguration();
        }
        String fetch = anchor.entityId() + "/fetch?sub=";
        if (url.startsWith(fetch)) {
            String statement = anchor.subordinateStatement(java.net.URLDecoder.decode(url.substring(fetch.length()),
                    java.nio.charset.StandardCharsets.UTF_8));
            if (statement != null) {
                return statement;
            }
        }
        throw new TrustChainException(ChainCheck.FETCH, url + " answered 404");
    }

    void replace(String url, String body) {
        replaced.put(url, body);
    }

    TrustChainValidator validator() {
        return validator(anchor.jwksJson());
    }

    TrustChainValidator validator(String pinnedAnchorKeys) {
        return new TrustChainValidator(this, List.of(new TrustAnchor(anchor.entityId(), pinnedAnchorKeys)), Clock.systemUTC(),
                TrustChainValidator.DEFAULT_LEEWAY);
    }

    ResolvedEntity resolveOp() throws TrustChainException {
        return validator().resolve(op.entityId(), "openid_provider");
    }

    @Override
    public void close() {
        anchor.close();
    }
}
