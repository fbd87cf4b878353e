package it.spidonly.keycloak.testsupport.idp;

import java.util.Optional;

/**
 * Which level the IdP asserts for a request, given the user's strongest credentials.
 *
 * <p>SPID Regole tecniche, AuthnRequest {@code RequestedAuthnContext/@Comparison}: {@code exact} and
 * {@code minimum} (the SAML default is {@code exact}) are answered with the level asked, {@code better} with the
 * next level up, {@code maximum} with the highest level up to the one asked that the user reaches. When the user's
 * credentials cannot satisfy the request the IdP answers SPID ErrorCode nr20 (empty result here). A request with no
 * SPID level is answered at L1.
 */
final class LevelChoice {

    private LevelChoice() {
    }

    static Optional<SpidLevel> answer(SpidLevel requested, String comparison, int userLevel) {
        SpidLevel asked = requested == null ? SpidLevel.L1 : requested;
        int wanted = switch (comparison == null ? "exact" : comparison) {
            case "better" -> asked.number() + 1;
            case "maximum" -> Math.min(asked.number(), userLevel);
            default -> asked.number();
        };
        return wanted <= 3 && wanted <= userLevel ? Optional.of(SpidLevel.of(wanted)) : Optional.empty();
    }
}
