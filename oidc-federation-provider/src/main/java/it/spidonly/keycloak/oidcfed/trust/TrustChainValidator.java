package it.spidonly.keycloak.oidcfed.trust;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.oidcfed.entity.TrustAnchor;

/**
 * Resolves and validates a trust chain bottom-up (OpenID Federation §fetching-es, §trust_chain_validation; SPID/CIE
 * OIDC Federation, trust_negotiation): the entity's configuration (self-signed), for each authority hint (at most
 * {@link #MAX_AUTHORITY_HINTS}) the superior's configuration and its subordinate statement about the entity from its
 * fetch endpoint; every statement's signature, {@code iss}/{@code sub} link and {@code iat}/{@code exp} checked; the
 * entity configuration verified with the keys its superior's statement pins; ending at a configured trust anchor
 * whose keys are the ones the admin pinned. Then the metadata policies (top-down), {@code max_path_length}, the
 * entity's trust marks. The chain expires at the smallest {@code exp} in it. No Keycloak session: runs in unit tests.
 */
public final class TrustChainValidator {
    public static final int MAX_AUTHORITY_HINTS = 2;
    public static final int MAX_INTERMEDIATES = 1;
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);
    static final String STATEMENT_TYP = "entity-statement+jwt";

    private final StatementSource source;
    private final Map<String, JsonNode> anchors = new LinkedHashMap<>();
    private final StatementTimes times;

    public TrustChainValidator(StatementSource source, List<TrustAnchor> trustAnchors, Clock clock, Duration leeway) {
        this.source = source;
        this.times = new StatementTimes(clock, leeway);
        for (TrustAnchor anchor : trustAnchors) {
            if (anchor.pinned()) {
                try {
                    anchors.put(anchor.entityId(), SignedStatement.JSON.readTree(anchor.jwksJson()));
                } catch (IOException e) {
                    // the settings page refuses unparsable keys; an anchor without usable keys is never reached
                }
            }
        }
    }

    /** One link: the superior's configuration and its statement about the subordinate. */
    private record Link(SignedStatement superiorConfiguration, SignedStatement statement) {
    }

    /**
     * @param entityType the metadata type to return, e.g. {@code openid_provider}
     */
    public ResolvedEntity resolve(String entityId, String entityType) throws TrustChainException {
        if (anchors.isEmpty()) {
            throw ChainCheck.fail(ChainCheck.TRUST_ANCHOR, "no trust anchor with pinned keys is configured");
        }
        SignedStatement leaf = configuration(entityId, null);
        List<Link> links = chainUp(leaf, 0);
        return result(leaf, links, entityType);
    }

    /** The links from {@code subject} up to a trust anchor, trying each authority hint in turn. */
    private List<Link> chainUp(SignedStatement subject, int intermediates) throws TrustChainException {
        JsonNode hints = subject.claims().get("authority_hints");
        if (hints == null || !hints.isArray() || hints.isEmpty() || hints.size() > MAX_AUTHORITY_HINTS) {
            throw ChainCheck.fail(ChainCheck.AUTHORITY_HINTS, subject.sub() + ": authority_hints missing, empty or more than "
                    + MAX_AUTHORITY_HINTS);
        }
        TrustChainException last = null;
        for (JsonNode hint : hints) {
            try {
                return linkTo(subject, hint.asText(""), intermediates);
            } catch (TrustChainException e) {
                last = e;
            }
        }
        throw last;
    }

    private List<Link> linkTo(SignedStatement subject, String superiorId, int intermediates) throws TrustChainException {
        JsonNode pinned = anchors.get(superiorId);
        if (pinned == null && intermediates >= MAX_INTERMEDIATES) {
            throw ChainCheck.fail(ChainCheck.TRUST_ANCHOR, subject.sub() + " does not chain to a configured trust anchor");
        }
        SignedStatement superior = configuration(superiorId, pinned);
        String fetchEndpoint = superior.claims().path("metadata").path("federation_entity").path("federation_fetch_endpoint").asText("");
        if (!fetchEndpoint.startsWith("https://") && !fetchEndpoint.startsWith("http://")) {
            throw ChainCheck.fail(ChainCheck.FETCH_ENDPOINT, superiorId + " publishes no federation_fetch_endpoint");
        }
        SignedStatement statement = SignedStatement.parse(source.get(StatementSource.fetchUrl(fetchEndpoint, subject.sub()),
                "application/entity-statement+jwt"), STATEMENT_TYP, false);
        statement.verify(pinned != null ? pinned : superior.jwks(), ChainCheck.SIGNATURE);
        if (!superiorId.equals(statement.iss()) || !subject.sub().equals(statement.sub())) {
            throw ChainCheck.fail(ChainCheck.LINK, "statement iss " + statement.iss() + " / sub " + statement.sub()
                    + " where " + superiorId + " / " + subject.sub() + " is expected");
        }
        times.check(statement.claims(), "statement about " + subject.sub());
        subject.verify(statement.jwks(), ChainCheck.SIGNATURE);
        List<Link> links = new ArrayList<>();
        links.add(new Link(superior, statement));
        if (pinned == null) {
            JsonNode superiorHints = superior.claims().get("authority_hints");
            if (superiorHints == null || !superiorHints.isArray() || superiorHints.isEmpty()) {
                throw ChainCheck.fail(ChainCheck.TRUST_ANCHOR, "the chain ends at " + superiorId + ", not a configured trust anchor");
            }
            links.addAll(chainUp(superior, intermediates + 1));
        }
        return links;
    }

    /** An entity configuration: typ, iss = sub = the entity, self-signed (with the pinned keys for a trust anchor). */
    private SignedStatement configuration(String entityId, JsonNode pinnedKeys) throws TrustChainException {
        if (!entityId.startsWith("https://") && !entityId.startsWith("http://")) {
            throw ChainCheck.fail(ChainCheck.SELF_ISSUED, "entity id " + entityId + " is not a URL");
        }
        SignedStatement configuration = SignedStatement.parse(
                source.get(StatementSource.entityConfigurationUrl(entityId), "application/entity-statement+jwt"), STATEMENT_TYP, false);
        if (!entityId.equals(configuration.iss()) || !entityId.equals(configuration.sub())) {
            throw ChainCheck.fail(ChainCheck.SELF_ISSUED, "entity configuration of " + entityId + " has iss " + configuration.iss()
                    + " and sub " + configuration.sub());
        }
        JsonNode ownKeys = configuration.jwks();
        if (SignedStatement.keyById(ownKeys, configuration.kid()) == null) {
            throw ChainCheck.fail(ChainCheck.KID, "the kid of " + entityId + "'s configuration is not in its jwks");
        }
        configuration.verify(pinnedKeys != null ? pinnedKeys : ownKeys, ChainCheck.SIGNATURE);
        times.check(configuration.claims(), "entity configuration of " + entityId);
        return configuration;
    }

    private ResolvedEntity result(SignedStatement leaf, List<Link> links, String entityType) throws TrustChainException {
        Link top = links.get(links.size() - 1);
        SignedStatement anchor = top.superiorConfiguration();
        int intermediates = links.size() - 1;
        int maxPathLength = maxPathLength(anchor, top.statement());
        if (maxPathLength >= 0 && intermediates > maxPathLength) {
            throw ChainCheck.fail(ChainCheck.PATH_LENGTH, intermediates + " intermediates where " + maxPathLength + " are allowed");
        }
        JsonNode own = leaf.claims().path("metadata").get(entityType);
        if (own == null || !own.isObject()) {
            throw ChainCheck.fail(ChainCheck.METADATA, leaf.sub() + " has no " + entityType + " metadata");
        }
        ObjectNode metadata = ((ObjectNode) own).deepCopy();
        JsonNode override = links.get(0).statement().claims().path("metadata").get(entityType);
        if (override != null && override.isObject()) {
            metadata.setAll((ObjectNode) override.deepCopy());
        }
        List<JsonNode> policies = new ArrayList<>();
        for (int i = links.size() - 1; i >= 0; i--) {
            policies.add(links.get(i).statement().claims().path("metadata_policy").get(entityType));
        }
        ObjectNode resolved = MetadataPolicy.apply(metadata, policies);
        String anchorId = anchor.sub();
        List<String> marks = new TrustMarkVerifier(times, this::issuerKeys).verify(leaf.sub(), leaf.claims().get("trust_marks"),
                anchorId, anchors.get(anchorId), anchor.claims().get("trust_mark_issuers"));
        long exp = leaf.claims().get("exp").asLong();
        for (Link link : links) {
            exp = Math.min(exp, link.statement().claims().get("exp").asLong());
            exp = Math.min(exp, link.superiorConfiguration().claims().get("exp").asLong());
        }
        String jwks = protocolKeys(leaf, resolved);
        Map<String, Object> asMap = SignedStatement.JSON.convertValue(resolved, new TypeReference<Map<String, Object>>() {
        });
        return new ResolvedEntity(leaf.sub(), anchorId, asMap, jwks, List.copyOf(marks), exp);
    }

    /** {@code max_path_length} from the trust anchor's statement (FED) or its configuration (SPID/CIE DOCS); -1: none. */
    private static int maxPathLength(SignedStatement anchorConfiguration, SignedStatement anchorStatement) {
        JsonNode fromStatement = anchorStatement.claims().path("constraints").get("max_path_length");
        JsonNode value = fromStatement != null ? fromStatement : anchorConfiguration.claims().path("constraints").get("max_path_length");
        return value != null && value.canConvertToInt() ? value.asInt() : -1;
    }

    /** The OP's protocol keys: {@code jwks}, else {@code signed_jwks_uri} (signed with its federation keys), else {@code jwks_uri}. */
    private String protocolKeys(SignedStatement leaf, ObjectNode metadata) throws TrustChainException {
        JsonNode jwks = metadata.get("jwks");
        if (jwks == null && metadata.hasNonNull("signed_jwks_uri")) {
            SignedStatement signed = SignedStatement.parse(source.get(metadata.get("signed_jwks_uri").asText(), "application/jwk-set+jwt"),
                    "jwk-set+jwt", true);
            signed.verify(leaf.jwks(), ChainCheck.SIGNATURE);
            jwks = signed.claims();
        } else if (jwks == null && metadata.hasNonNull("jwks_uri")) {
            try {
                jwks = SignedStatement.JSON.readTree(source.get(metadata.get("jwks_uri").asText(), "application/json"));
            } catch (IOException e) {
                throw ChainCheck.fail(ChainCheck.JWKS, "jwks_uri is not a JWK Set");
            }
        }
        if (jwks == null || !jwks.path("keys").isArray() || jwks.path("keys").isEmpty()) {
            throw ChainCheck.fail(ChainCheck.JWKS, leaf.sub() + " publishes no protocol keys");
        }
        return jwks.toString();
    }

    /** A trust-mark issuer other than the trust anchor: the keys of its self-signed entity configuration. */
    private JsonNode issuerKeys(String issuer) throws TrustChainException {
        return configuration(issuer, null).jwks();
    }
}
