package it.spidonly.keycloak.spid.rules;

import java.util.List;
import java.util.Optional;

/**
 * Rules run in order; the first failure decides. The order is documented in {@code docs/spid-rules.md}: structure,
 * then signatures (so nothing unsigned is trusted), then replay, then the binding to this SP and this request,
 * then the Assertion's content; last, the assertion is marked as used.
 */
public final class RuleChain {
    private static final RuleChain LOGIN = new RuleChain(List.of(
            // 1. structure
            new IdRule(Part.RESPONSE), new VersionRule(Part.RESPONSE), new StatusRule(), new SingleAssertionRule(),
            new IdRule(Part.ASSERTION), new VersionRule(Part.ASSERTION),
            // 2. signatures: what is read is what is signed, by the IdP's metadata key
            new EnvelopedSignatureRule(Part.RESPONSE, true), new EnvelopedSignatureRule(Part.ASSERTION, true),
            new SignatureAlgorithmRule(), new SignatureTransformRule(),
            new TrustedSignatureRule(Part.RESPONSE), new TrustedSignatureRule(Part.ASSERTION), new EmbeddedCertificateRule(),
            // 3. replay: was it used before? (it is marked as used only at the end, by ReplayMarkRule)
            new ReplayRule(),
            // 4. the Response answers this SP's pending request
            new SolicitedResponseRule(), new InResponseToRule(), new DestinationRule(),
            new IssuerRule(Part.RESPONSE), new IssuerFormatRule(Part.RESPONSE),
            new IssueInstantFormatRule(Part.RESPONSE), new IssueInstantAfterRequestRule(Part.RESPONSE),
            new IssueInstantNotFutureRule(Part.RESPONSE),
            // 5. the Assertion
            new IssuerRule(Part.ASSERTION), new IssuerFormatRule(Part.ASSERTION),
            new IssueInstantFormatRule(Part.ASSERTION), new IssueInstantAfterRequestRule(Part.ASSERTION),
            new IssueInstantNotFutureRule(Part.ASSERTION),
            new SubjectRule(), new NameIdRule(), new NameIdFormatRule(), new NameIdQualifierRule(),
            new SubjectConfirmationRule(), new SubjectConfirmationMethodRule(), new ConfirmationDataRule(),
            new RecipientRule(), new ConfirmationInResponseToRule(), new ConfirmationNotOnOrAfterRule(),
            new ConditionsRule(), new NotBeforeRule(), new NotOnOrAfterRule(), new AudienceRule(),
            new AuthnStatementRule(), new AuthnContextClassRule(), new LevelRule(),
            new AttributeStatementRule(), new RequestedAttributesRule(), new FiscalNumberRule(), new AttributeLengthRule(),
            // 6. only now, bound to this realm's pending request: the assertion is marked as used
            new ReplayMarkRule()));

    /**
     * Error responses (a StatusCode other than Success) carry no Assertion and may be unsigned; what they say is
     * only shown to the user, so they must still answer this SP's pending request, and a signature, when present,
     * must be the IdP's.
     */
    private static final RuleChain ERROR_STATUS = new RuleChain(List.of(
            new IdRule(Part.RESPONSE), new VersionRule(Part.RESPONSE), new StatusRule(),
            new EnvelopedSignatureRule(Part.RESPONSE, false), new SignatureAlgorithmRule(), new SignatureTransformRule(),
            new TrustedSignatureRule(Part.RESPONSE), new EmbeddedCertificateRule(),
            new SolicitedResponseRule(), new InResponseToRule(), new DestinationRule(),
            new IssuerRule(Part.RESPONSE), new IssuerFormatRule(Part.RESPONSE),
            new IssueInstantFormatRule(Part.RESPONSE), new IssueInstantAfterRequestRule(Part.RESPONSE),
            new IssueInstantNotFutureRule(Part.RESPONSE)));

    private final List<Rule> rules;

    private RuleChain(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** For a successful login Response. */
    public static RuleChain login() {
        return LOGIN;
    }

    /** For a Response whose StatusCode is not Success. */
    public static RuleChain errorStatus() {
        return ERROR_STATUS;
    }

    /** The chain for {@code response}: {@link #login()} or {@link #errorStatus()}. */
    public static RuleChain of(SpidResponse response) {
        return response.isSuccess() ? LOGIN : ERROR_STATUS;
    }

    /**
     * This chain with some rules swapped for others of another profile (each rule whose id is a key of
     * {@code replacements} is replaced in place) and {@code extra} rules added just before the assertion is marked
     * as used: how CIE extends the SPID chain (one chain, one idiom) without copying it.
     */
    public RuleChain extendedWith(java.util.Map<String, Rule> replacements, List<Rule> extra) {
        java.util.List<Rule> derived = new java.util.ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof ReplayMarkRule) {
                derived.addAll(extra);
            }
            derived.add(replacements.getOrDefault(rule.id(), rule));
        }
        if (rules.stream().noneMatch(ReplayMarkRule.class::isInstance)) {
            derived.addAll(extra);
        }
        return new RuleChain(derived);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The id of the first rule that fails, or empty when all pass. */
    public Optional<String> firstFailure(SpidResponse response, RuleContext context) {
        for (Rule rule : rules) {
            RuleResult result = rule.check(response, context);
            if (!result.passed()) {
                return result.failedRuleId();
            }
        }
        return Optional.empty();
    }
}
