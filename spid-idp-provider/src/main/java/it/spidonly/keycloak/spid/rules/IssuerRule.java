package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response and Assertion: {@code Issuer} present and equal to the IdP's entityID. */
public final class IssuerRule implements Rule {
    private final Part part;

    public IssuerRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("issuer");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(part.header(response).flatMap(SpidResponse.Header::issuer)
                .map(i -> i.value().equals(context.idpEntityId())).orElse(false));
    }
}
