package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response: {@code Status/StatusCode} present, with a {@code Value}. */
public final class StatusRule implements Rule {
    public static final String ID = "spid.response.status";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(response.status().map(s -> s.code() != null && !s.code().isBlank()).orElse(false));
    }
}
