package it.spidonly.keycloak.cie.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import it.spidonly.keycloak.spid.rules.AssertionView;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.RuleResult;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/** CIE SAML rules, "Attributi": {@code dateOfBirth} is a calendar date written {@code YYYY-MM-DD}. */
public final class CieDateOfBirthRule implements Rule {
    public static final String ID = "cie.assertion.attributes.date-of-birth";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        List<AssertionView.Attribute> dates = response.assertion().map(a -> a.attributes().stream()
                .filter(attribute -> "dateOfBirth".equals(attribute.name())).toList()).orElse(List.of());
        return require(dates.stream().allMatch(a -> isDate(a.firstValue())));
    }

    static boolean isDate(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
