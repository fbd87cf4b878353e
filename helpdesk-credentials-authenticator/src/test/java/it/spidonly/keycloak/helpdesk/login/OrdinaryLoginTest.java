package it.spidonly.keycloak.helpdesk.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.helpdesk.login.OrdinaryLogin.Answer;

/** The help-desk form's answers to an account that is not a help-desk one, before and after the cutover instant. */
class OrdinaryLoginTest {
    @ParameterizedTest(name = "known={0} cutoverPassed={1} lockedOut={2} passwordValid={3} -> {4}")
    @CsvSource({
            // before the instant (or no cutover): Keycloak's password decides, behind the lockout
            "false, false, false, false, UNKNOWN_USER",
            "true,  false, false, true,  PASSWORD_ACCEPTED",
            "true,  false, false, false, WRONG_PASSWORD",
            "true,  false, true,  true,  LOCKED_OUT",
            "true,  false, true,  false, LOCKED_OUT",
            // from the instant: the cutover's refusal for every account that is not a help-desk one, known or not
            "false, true,  false, false, CUTOVER_REFUSES_UNKNOWN",
            "true,  true,  false, false, CUTOVER_REFUSED_PASSWORD",
            "true,  true,  true,  false, CUTOVER_REFUSED_PASSWORD",
    })
    void answers(boolean known, boolean cutoverPassed, boolean lockedOut, boolean passwordValid, Answer expected) {
        assertEquals(expected, OrdinaryLogin.answer(known, cutoverPassed, () -> lockedOut, () -> passwordValid));
    }

    @ParameterizedTest(name = "cutoverPassed={0}")
    @CsvSource({"false", "true"})
    void anUnknownUserChecksNoPassword(boolean cutoverPassed) {
        AtomicBoolean checked = new AtomicBoolean();
        OrdinaryLogin.answer(false, cutoverPassed, () -> false, record(checked, true));
        assertFalse(checked.get(), "no password checked for an unknown user");
    }

    @ParameterizedTest(name = "passwordValid={0}")
    @CsvSource({"false", "true"})
    void aLockedOutAccountChecksNoPasswordBeforeTheInstant(boolean passwordValid) {
        AtomicBoolean checked = new AtomicBoolean();
        assertEquals(Answer.LOCKED_OUT, OrdinaryLogin.answer(true, false, () -> true, record(checked, passwordValid)));
        assertFalse(checked.get(), "the password is not checked during a lockout");
    }

    @ParameterizedTest(name = "lockedOut={0}")
    @CsvSource({"false", "true"})
    void fromTheInstantThePasswordProviderDecidesAndTheLockoutTellsNothing(boolean lockedOut) {
        AtomicBoolean lockoutRead = new AtomicBoolean();
        AtomicBoolean checked = new AtomicBoolean();
        Answer answer = OrdinaryLogin.answer(true, true, record(lockoutRead, lockedOut), record(checked, false));
        assertEquals(Answer.CUTOVER_REFUSED_PASSWORD, answer);
        assertEquals(true, checked.get(), "the cutover's password provider is asked (it records the refusal)");
        assertFalse(lockoutRead.get(), "a locked-out account answers like any other");
    }

    private static BooleanSupplier record(AtomicBoolean called, boolean value) {
        return () -> {
            called.set(true);
            return value;
        };
    }
}
