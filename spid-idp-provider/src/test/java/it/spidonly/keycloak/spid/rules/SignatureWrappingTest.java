package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.XmlSignatureWrapping;

/**
 * XSW1–8 are refused first by {@link SingleAssertionRule}; each one is also refused by the signature rules on their
 * own, so one defence missing would not let a wrapped response through.
 */
class SignatureWrappingTest {

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("XSW1", XmlSignatureWrapping.xsw1()), Arguments.of("XSW2", XmlSignatureWrapping.xsw2()),
                Arguments.of("XSW3", XmlSignatureWrapping.xsw3()), Arguments.of("XSW4", XmlSignatureWrapping.xsw4()),
                Arguments.of("XSW5", XmlSignatureWrapping.xsw5()), Arguments.of("XSW6", XmlSignatureWrapping.xsw6()),
                Arguments.of("XSW7", XmlSignatureWrapping.xsw7()), Arguments.of("XSW8", XmlSignatureWrapping.xsw8()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void wrappedResponsesAreRefusedByTheStructureAndByTheSignatureRules(String name, ResponseMutation attack) {
        SpidResponse response = RulesBaseline.response(attack);
        assertEquals(Optional.of(SingleAssertionRule.ID), RuleChain.login().firstFailure(response, RulesBaseline.context().build()));

        List<Rule> signatureRules = List.of(new EnvelopedSignatureRule(Part.RESPONSE, true), new EnvelopedSignatureRule(Part.ASSERTION, true),
                new TrustedSignatureRule(Part.RESPONSE), new TrustedSignatureRule(Part.ASSERTION));
        RuleContext context = RulesBaseline.context().build();
        assertTrue(signatureRules.stream().anyMatch(rule -> !rule.check(response, context).passed()),
                name + " must also fail a signature rule");
    }
}
