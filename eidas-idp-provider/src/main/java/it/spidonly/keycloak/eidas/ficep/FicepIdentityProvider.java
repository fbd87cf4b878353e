package it.spidonly.keycloak.eidas.ficep;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.eidas.claims.EidasLevel;
import it.spidonly.keycloak.eidas.claims.EidasAcrMapper;
import it.spidonly.keycloak.eidas.identity.EidasUserAttributes;
import it.spidonly.keycloak.eidas.identity.PersonIdentifier;
import it.spidonly.keycloak.spid.attributes.AccountWrites;
import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.attributes.SpidIdentity;
import it.spidonly.keycloak.spid.broker.SpidIdentityProvider;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * FICEP: a SPID IdP (request, shared ACS, SPID rules, attributes stored) whose person is the eIDAS
 * PersonIdentifier, never a fiscal number. Username, federated id and the {@code eidasPersonIdentifier} attribute
 * come from it, the origin country from its first segment; the eIDAS level achieved goes to the user session for
 * the {@code acr} claim.
 */
final class FicepIdentityProvider extends SpidIdentityProvider {
    static final String CONTEXT_PERSON = "eidas.person";
    private static final Logger LOG = Logger.getLogger(FicepIdentityProvider.class);

    FicepIdentityProvider(KeycloakSession session, FicepIdentityProviderConfig config, SpidServiceProviderConfig sp,
                          DestinationValidator destinationValidator) {
        super(session, config, sp, destinationValidator);
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        super.preprocessFederatedIdentity(session, realm, context);
        Object assertion = context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        if (!(assertion instanceof AssertionType assertionType)) {
            return;
        }
        // PersonIdentifierRule has refused responses without a well-formed one
        SpidIdentity.from(assertionType).value(SpidAttribute.spidCode).flatMap(PersonIdentifier::parse).ifPresent(person -> {
            context.setId(person.value());
            context.setUsername(person.username());
            context.setBrokerUserId(getConfig().getAlias() + "." + person.value());
            context.getContextData().put(CONTEXT_PERSON, person);
            LOG.infof("eIDAS login of %s through FICEP %s", person.masked(), getConfig().getAlias());
        });
    }

    /** The SPID attributes FICEP passes on, and the person's eIDAS identifier and country of origin. */
    @Override
    public void writeAccountData(UserModel user, BrokeredIdentityContext context) {
        super.writeAccountData(user, context);
        if (context.getContextData().get(CONTEXT_PERSON) instanceof PersonIdentifier person) {
            AccountWrites.attribute(user, EidasUserAttributes.PERSON_IDENTIFIER, person.value());
            AccountWrites.attribute(user, EidasUserAttributes.COUNTRY, person.originIsoCountry());
        }
    }

    /** The level FICEP vouched for, as an eIDAS level, for the {@code acr} claim ({@link EidasAcrMapper}). */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        achievedLevel(context).ifPresent(level -> authSession.setUserSessionNote(EidasAcrMapper.SESSION_NOTE, level.uri()));
    }

    private static Optional<EidasLevel> achievedLevel(BrokeredIdentityContext context) {
        if (context.getContextData().get(SAMLEndpoint.SAML_AUTHN_STATEMENT) instanceof AuthnStatementType authn
                && authn.getAuthnContext() != null && authn.getAuthnContext().getSequence() != null
                && authn.getAuthnContext().getSequence().getClassRef() != null) {
            return SpidLevel.fromUri(authn.getAuthnContext().getSequence().getClassRef().getValue().toString())
                    .flatMap(EidasLevel::ofSpidLevel);
        }
        return Optional.empty();
    }
}
