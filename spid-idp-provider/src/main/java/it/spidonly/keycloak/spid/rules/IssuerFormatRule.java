package it.spidonly.keycloak.spid.rules;

/**
 * SPID Regole tecniche: the Response's Issuer {@code Format}, when given, is
 * {@code urn:oasis:names:tc:SAML:2.0:nameid-format:entity} (omitting it is allowed, spid-sp-test response 31);
 * the Assertion's Issuer must carry that Format.
 */
public final class IssuerFormatRule implements Rule {
    public static final String ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

    private final Part part;

    public IssuerFormatRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("issuer.format");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        boolean formatRequired = part == Part.ASSERTION;
        return require(part.header(response).flatMap(SpidResponse.Header::issuer)
                .map(i -> ENTITY.equals(i.format()) || (!formatRequired && i.format() == null)).orElse(false));
    }
}
