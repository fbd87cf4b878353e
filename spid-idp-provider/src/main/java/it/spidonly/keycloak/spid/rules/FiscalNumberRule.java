package it.spidonly.keycloak.spid.rules;

import java.util.List;

import it.spidonly.keycloak.spid.attributes.CodiceFiscale;

/**
 * The bundle identifies a person by the {@code fiscalNumber} attribute (docs/decisions.md): an assertion without
 * one is refused here, with a clear reason, instead of failing later inside Keycloak. FICEP may leave it out; when
 * it sends one, the same checks apply.
 * The value must be exactly one, {@code TINIT-} followed by a valid fiscal code: a person's (check character right,
 * omocodia allowed) or a temporary 11-digit one ({@link CodiceFiscale}); SPID Regole tecniche, attribute
 * fiscalNumber (issue 16, N3: {@code ZZTINIT-...} or two values must never name an account).
 */
public final class FiscalNumberRule extends AssertionRule {
    public static final String ID = "spid.assertion.attributes.fiscal-number";
    private static final String TINIT = "TINIT-";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        List<AssertionView.Attribute> fiscalNumbers = assertion.attributes().stream()
                .filter(a -> "fiscalNumber".equals(a.name())).toList();
        if (fiscalNumbers.isEmpty() && context.request().map(r -> r.attributes().isExempt()).orElse(false)) {
            return RuleResult.pass();
        }
        return require(fiscalNumbers.size() == 1 && fiscalNumbers.get(0).valueCount() == 1
                && isValid(fiscalNumbers.get(0).firstValue()));
    }

    /** {@code TINIT-} (as SPID writes it) and a valid code, in upper case as SPID IdPs send it. */
    static boolean isValid(String value) {
        return value != null && value.startsWith(TINIT) && CodiceFiscale.isValid(value.substring(TINIT.length()));
    }
}
