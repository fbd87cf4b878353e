package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;

/**
 * Issue 16, N3: {@code fiscalNumber} is exactly one value, {@code TINIT-} and a valid fiscal code. The baseline
 * (Mario Rossi, {@code TINIT-RSSMRA80A01H501U}) passes the whole chain; each case changes the value only.
 */
class FiscalNumberRuleTest {

    private static Optional<String> chain(ResponseMutation... mutations) {
        return RuleChain.login().firstFailure(RulesBaseline.response(mutations), RulesBaseline.context().build());
    }

    @Test
    void theBaselinePasses() {
        assertEquals(Optional.empty(), chain());
    }

    @ParameterizedTest(name = "{0} accepted")
    @CsvSource({
            "TINIT-RSSMRA80A01H501U",   // the baseline's own value
            "TINIT-RSSMRA80A01H50MM",   // omocodia: one digit replaced, check character recomputed
            "TINIT-RSSMRAULALMHRLMD",   // omocodia: every digit replaced
            "TINIT-12345678903"})       // temporary code, 11 digits, right check digit
    void validValues(String value) {
        assertEquals(Optional.empty(), chain(ResponseMutations.withAttributeValue("fiscalNumber", value)));
    }

    @ParameterizedTest(name = "{0} refused")
    @CsvSource({
            "ZZTINIT-RSSMRA80A01H501U",
            "RSSMRA80A01H501U",
            "tinit-RSSMRA80A01H501U",
            "TINIT-RSSMRA80A01H501A",
            "TINIT-RSSMRA80A01H50MU",
            "TINIT-rssmra80a01h501u",
            "TINIT-RSSMRA80A01H501U1",
            "TINIT-RSSMRA80A01H501",
            "TINIT-RSSMRA80A01Z501U",
            "TINIT-12345678901",
            "TINIT-1234567890",
            "TINIT-",
            "TINIT-RSSMRA80A01H501U TINIT-BNCGLI92L55F205A",
            "VATIT-12345678903"})
    void invalidValues(String value) {
        assertEquals(Optional.of(FiscalNumberRule.ID), chain(ResponseMutations.withAttributeValue("fiscalNumber", value)));
    }

    @Test
    void twoValuesAreRefusedByTheAttributeStatement() {
        assertEquals(Optional.of(AttributeStatementRule.ID),
                chain(ResponseMutations.withSecondAttributeValue("fiscalNumber", "TINIT-BNCGLI92L55F205A")));
        assertEquals(Optional.of(FiscalNumberRule.ID), new FiscalNumberRule().check(RulesBaseline.response(
                ResponseMutations.withSecondAttributeValue("fiscalNumber", "TINIT-BNCGLI92L55F205A")), RulesBaseline.context().build())
                .failedRuleId(), "the fiscal number rule alone refuses two values too");
    }

    @Test
    void anEmptyValueIsRefused() {
        assertEquals(Optional.of(FiscalNumberRule.ID), chain(ResponseMutations.withAttributeValue("fiscalNumber", "")));
    }
}
