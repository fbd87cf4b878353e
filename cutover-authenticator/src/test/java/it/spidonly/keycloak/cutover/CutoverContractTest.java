package it.spidonly.keycloak.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutoverContractTest {
    @ParameterizedTest(name = "{0}: refused {1}")
    @CsvSource({"password, true", "inps-pin, true", "helpdesk-password, false", "otp, false", "webauthn-passwordless, false"})
    void onlyTheLegacyCredentialsAreRefused(String type, boolean refused) {
        assertEquals(refused, CutoverContract.isRefused(type));
    }
}
