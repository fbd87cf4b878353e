package it.spidonly.keycloak.eidas.node.rules;

import java.util.List;
import java.util.Optional;

/**
 * The eIDAS response rules in order. Before decryption, on the Response as received (the signature covers the
 * EncryptedAssertion): structure, then the signature (present, algorithms, key, value). After decryption: encryption
 * was used where required, this SP, then the assertion's content. The first failure decides; its id is the message
 * key and the event reason.
 */
public final class EidasRuleChain {
    private static final List<EidasRule> BEFORE_DECRYPTION = List.of(
            new SingleAssertionRule(), new SignedResponseRule(), new SignatureAlgorithmRule(), new SignatureRule());
    private static final List<EidasRule> AFTER_DECRYPTION = List.of(
            new SingleAssertionRule(), new EncryptedAssertionRule(), new DestinationRule(), new AudienceRule(),
            new LevelOfAssuranceRule(), new RequiredAttributesRule(), new PersonIdentifierRule(), new AttributeLengthRule());

    private EidasRuleChain() {
    }

    public static List<EidasRule> beforeDecryption() {
        return BEFORE_DECRYPTION;
    }

    public static List<EidasRule> afterDecryption() {
        return AFTER_DECRYPTION;
    }

    static Optional<String> firstFailure(List<EidasRule> rules, EidasResponse response, EidasRuleContext context) {
        return rules.stream().filter(rule -> !rule.passes(response, context)).map(EidasRule::id).findFirst();
    }
}
