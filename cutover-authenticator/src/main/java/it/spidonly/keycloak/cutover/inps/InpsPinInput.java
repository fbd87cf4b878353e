package it.spidonly.keycloak.cutover.inps;

import java.util.Optional;

import it.spidonly.keycloak.cutover.fiscal.FiscalCode;

/** The checks on what the person typed, before INPS is asked: fiscal code first, then the PIN. */
public final class InpsPinInput {
    private InpsPinInput() {
    }

    public static Optional<InpsPinFailure> problem(String typedFiscalCode, String pin) {
        switch (FiscalCode.check(typedFiscalCode)) {
            case MISSING:
                return Optional.of(InpsPinFailure.FISCAL_CODE_MISSING);
            case FORMAT:
            case CHECK_CHARACTER:
                return Optional.of(InpsPinFailure.FISCAL_CODE_INVALID);
            default:
                break;
        }
        if (pin == null || pin.isEmpty()) {
            return Optional.of(InpsPinFailure.PIN_MISSING);
        }
        if (!PinFormat.isPlausible(pin)) {
            return Optional.of(InpsPinFailure.PIN_FORMAT);
        }
        return Optional.empty();
    }
}
