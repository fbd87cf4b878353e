package it.spidonly.keycloak.testsupport.idp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Document;

/**
 * Builds a signed SPID Response without a running IdP, for unit tests of an SP (and for {@link SpidTestIdp} itself):
 * the SPID baseline for one request, then the {@link ResponseMutation}s with signing in between.
 *
 * <pre>
 * String xml = SpidResponseBuilder.of("https://idp.example", SigningCredential.demo())
 *         .audience("https://sp.example").acs("https://sp.example/acs").inResponseTo("_req")
 *         .level(2).attributes(Map.of("fiscalNumber", "TINIT-RSSMRA80A01H501U")).issuedAt(now)
 *         .xml(ResponseMutations.withAudience("https://other.example"));
 * </pre>
 */
public final class SpidResponseBuilder {

    private final String idpEntityId;
    private final SigningCredential credential;
    private String spEntityId = "https://sp.example";
    private String acsUrl = "https://sp.example/acs";
    private String requestId = "_request";
    private int level = 2;
    private Map<String, String> attributes = Map.of();
    private Instant issuedAt = Instant.now();

    private SpidResponseBuilder(String idpEntityId, SigningCredential credential) {
        this.idpEntityId = Objects.requireNonNull(idpEntityId, "idpEntityId");
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    /** A Response issued by {@code idpEntityId} and signed with {@code credential}. */
    public static SpidResponseBuilder of(String idpEntityId, SigningCredential credential) {
        return new SpidResponseBuilder(idpEntityId, credential);
    }

    /** The SP entityID (Audience). */
    public SpidResponseBuilder audience(String spEntityId) {
        this.spEntityId = spEntityId;
        return this;
    }

    /** The ACS URL (Destination and Recipient). */
    public SpidResponseBuilder acs(String acsUrl) {
        this.acsUrl = acsUrl;
        return this;
    }

    /** The request ID (both InResponseTo). */
    public SpidResponseBuilder inResponseTo(String requestId) {
        this.requestId = requestId;
        return this;
    }

    /** The SPID level 1..3 of AuthnContextClassRef. */
    public SpidResponseBuilder level(int level) {
        SpidLevel.of(level);
        this.level = level;
        return this;
    }

    /** The attributes released, by SPID name, in order. */
    public SpidResponseBuilder attributes(Map<String, String> attributes) {
        this.attributes = new LinkedHashMap<>(attributes);
        return this;
    }

    /** IssueInstant of Response and Assertion, AuthnInstant, NotBefore; NotOnOrAfter is 5 minutes later. */
    public SpidResponseBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    /** The signed, mutated Response. */
    public Document document(ResponseMutation... mutations) {
        return document(List.of(mutations));
    }

    public Document document(List<ResponseMutation> mutations) {
        Document response = BaselineResponseWriter.write(new ResponseParameters(issuedAt, idpEntityId, spEntityId,
                acsUrl, requestId, SpidLevel.of(level), attributes));
        ResponseSigner signer = new ResponseSigner(credential);
        mutations.forEach(m -> m.beforeSigning(response));
        signer.signAssertions(response);
        mutations.forEach(m -> m.betweenSignatures(response));
        signer.signResponse(response);
        mutations.forEach(m -> m.afterSigning(response));
        return response;
    }

    /** The XML text (no declaration, no indentation). */
    public String xml(ResponseMutation... mutations) {
        return SamlXml.write(document(mutations));
    }

    public String xml(List<ResponseMutation> mutations) {
        return SamlXml.write(document(mutations));
    }

    /** The HTTP-POST binding's SAMLResponse value: base64 of the UTF-8 XML. */
    public String base64(ResponseMutation... mutations) {
        return base64(List.of(mutations));
    }

    public String base64(List<ResponseMutation> mutations) {
        return Base64.getEncoder().encodeToString(xml(mutations).getBytes(StandardCharsets.UTF_8));
    }
}
