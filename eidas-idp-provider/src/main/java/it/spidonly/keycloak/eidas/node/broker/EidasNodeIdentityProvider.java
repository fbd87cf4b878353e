package it.spidonly.keycloak.eidas.node.broker;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.broker.saml.SAMLIdentityProvider;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.saml.JaxrsSAML2BindingBuilder;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.w3c.dom.Document;

import it.spidonly.keycloak.eidas.claims.EidasAcrMapper;
import it.spidonly.keycloak.eidas.claims.EidasLevel;
import it.spidonly.keycloak.eidas.identity.EidasUserAttributes;
import it.spidonly.keycloak.eidas.identity.PersonIdentifier;
import it.spidonly.keycloak.eidas.node.EidasAuthnRequestWriter;
import it.spidonly.keycloak.eidas.node.EidasRequestedAttribute;
import it.spidonly.keycloak.eidas.node.EidasSigningKey;
import it.spidonly.keycloak.eidas.node.EidasSpMetadataWriter;
import it.spidonly.keycloak.eidas.node.EidasXmlSigner;
import it.spidonly.keycloak.spid.attributes.AccountWrites;
import it.spidonly.keycloak.spid.firstlogin.AccountDataWriter;

/**
 * One eIDAS node: Keycloak's SAML broker with the eIDAS AuthnRequest (signed with RSASSA-PSS or ECDSA by a realm key),
 * the eIDAS response rules before Keycloak's own handling ({@link EidasNodeEndpoint}) and the eIDAS identity
 * (PersonIdentifier, never merged with SPID accounts). Overrides are listed in docs/keycloak-diff.md.
 */
final class EidasNodeIdentityProvider extends SAMLIdentityProvider implements AccountDataWriter {
    static final String NOTE_LEVEL = "eidas.requested.level";
    private static final String CONTEXT_PERSON = "eidas.person";
    private static final String CONTEXT_ATTRIBUTES = "eidas.attributes";
    private static final Logger LOG = Logger.getLogger(EidasNodeIdentityProvider.class);

    private final DestinationValidator destinationValidator;

    EidasNodeIdentityProvider(KeycloakSession session, EidasNodeIdentityProviderConfig config, DestinationValidator destinationValidator) {
        super(session, config, destinationValidator);
        this.destinationValidator = destinationValidator;
    }

    @Override
    public EidasNodeIdentityProviderConfig getConfig() {
        return (EidasNodeIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new EidasNodeEndpoint(session, this, getConfig(), callback, destinationValidator);
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        RealmModel realm = request.getRealm();
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        EidasNodeIdentityProviderConfig config = getConfig();
        String id = "_" + UUID.randomUUID();
        String destination = config.getSingleSignOnServiceUrl();
        Document document = EidasAuthnRequestWriter.write(new EidasAuthnRequestWriter.Request(id, Instant.now(),
                spEntityId(request.getUriInfo().getBaseUri(), realm), destination, request.getRedirectUri(), config.spType(),
                config.level(), EidasRequestedAttribute.minimumDataSet()));
        EidasXmlSigner.sign(document.getDocumentElement(), EidasAuthnRequestWriter.afterIssuer(document), signingKey(realm));
        authSession.setClientNote(SamlProtocol.SAML_REQUEST_ID_BROKER, id);
        authSession.setClientNote(NOTE_LEVEL, config.level().name());
        try {
            return new JaxrsSAML2BindingBuilder(session).relayState(request.getState().getEncoded())
                    .postBinding(document).request(destination);
        } catch (Exception e) {
            throw new IdentityBrokerException("Could not send the eIDAS authentication request", e);
        }
    }

    /**
     * The eIDAS SP metadata for this node ({@link EidasSpMetadataWriter}) at Keycloak's broker descriptor URL
     * ({@code /realms/{realm}/broker/{alias}/endpoint/descriptor}), signed with the key that signs the requests.
     */
    @Override
    public Response export(jakarta.ws.rs.core.UriInfo uriInfo, RealmModel realm, String format) {
        KeyWrapper encryption = session.keys().getActiveKey(realm, KeyUse.ENC, "RSA-OAEP");
        if (encryption == null || encryption.getCertificate() == null) {
            throw new IdentityBrokerException("eIDAS node " + getConfig().getAlias() + ": the realm has no active RSA-OAEP encryption key");
        }
        EidasSigningKey key = signingKey(realm);
        String acs = uriInfo.getBaseUriBuilder().path("realms").path(realm.getName()).path("broker")
                .path(getConfig().getAlias()).path("endpoint").build().toString();
        Document metadata = EidasSpMetadataWriter.write(new EidasSpMetadataWriter.Sp(spEntityId(uriInfo.getBaseUri(), realm), acs,
                key.certificate(), encryption.getCertificate(), "spid-only-keycloak eidas-idp-provider"), Instant.now());
        EidasXmlSigner.sign(metadata.getDocumentElement(), EidasSpMetadataWriter.signaturePosition(metadata), key);
        try {
            return Response.ok(org.keycloak.saml.common.util.DocumentUtil.getDocumentAsString(metadata), jakarta.ws.rs.core.MediaType.APPLICATION_XML_TYPE).build();
        } catch (Exception e) {
            throw new IdentityBrokerException("Could not write the eIDAS SP metadata", e);
        }
    }

    /** The SP entityID: the IdP's "entityId" setting, else the realm's URL (as Keycloak's SAML broker does). */
    String spEntityId(URI baseUri, RealmModel realm) {
        String configured = getConfig().getEntityId();
        return configured != null && !configured.isBlank() ? configured
                : baseUri.toString().replaceAll("/$", "") + "/realms/" + realm.getName();
    }

    private EidasSigningKey signingKey(RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, getConfig().signingAlgorithm());
        if (key == null || key.getCertificate() == null) {
            throw new IdentityBrokerException("eIDAS node " + getConfig().getAlias() + ": the realm has no active "
                    + getConfig().signingAlgorithm() + " signing key with a certificate");
        }
        return new EidasSigningKey((PrivateKey) key.getPrivateKey(), key.getCertificate());
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        super.preprocessFederatedIdentity(session, realm, context);
        if (!(context.getContextData().get(SAMLEndpoint.SAML_ASSERTION) instanceof AssertionType assertion)) {
            return;
        }
        EidasNodeAttributes attributes = EidasNodeAttributes.from(assertion);
        attributes.value(EidasRequestedAttribute.PERSON_IDENTIFIER).flatMap(PersonIdentifier::parse).ifPresent(person -> {
            context.setId(person.value());
            context.setUsername(person.username());
            context.setBrokerUserId(getConfig().getAlias() + "." + person.value());
            context.getContextData().put(CONTEXT_PERSON, person);
            LOG.infof("eIDAS login of %s through eIDAS node %s", person.masked(), getConfig().getAlias());
        });
        attributes.value(EidasRequestedAttribute.GIVEN_NAME).ifPresent(context::setFirstName);
        attributes.value(EidasRequestedAttribute.FAMILY_NAME).ifPresent(context::setLastName);
        context.getContextData().put(CONTEXT_ATTRIBUTES, attributes.userAttributes());
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.importNewUser(session, realm, user, context);
        writeAccountData(user, context);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.updateBrokeredUser(session, realm, user, context);
        writeAccountData(user, context);
    }

    /** The person's eIDAS identifier and country, the node's attributes and the names; only what changed. */
    @Override
    public void writeAccountData(UserModel user, BrokeredIdentityContext context) {
        if (context.getContextData().get(CONTEXT_PERSON) instanceof PersonIdentifier person) {
            AccountWrites.attribute(user, EidasUserAttributes.PERSON_IDENTIFIER, person.value());
            AccountWrites.attribute(user, EidasUserAttributes.COUNTRY, person.originIsoCountry());
        }
        if (context.getContextData().get(CONTEXT_ATTRIBUTES) instanceof Map<?, ?> attributes) {
            attributes.forEach((name, value) -> AccountWrites.attribute(user, String.valueOf(name), value == null ? null : value.toString()));
        }
        AccountWrites.names(user, context.getFirstName(), context.getLastName());
    }

    /** acr = the eIDAS level vouched for (checked against the request by the rules); LoA number low 1, substantial 2, high 3. */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        Object statement = context.getContextData().get(SAMLEndpoint.SAML_AUTHN_STATEMENT);
        if (statement instanceof org.keycloak.dom.saml.v2.assertion.AuthnStatementType authn && authn.getAuthnContext() != null
                && authn.getAuthnContext().getSequence() != null && authn.getAuthnContext().getSequence().getClassRef() != null) {
            String uri = authn.getAuthnContext().getSequence().getClassRef().getValue().toString();
            for (EidasLevel level : EidasLevel.values()) {
                if (level.uri().equals(uri)) {
                    authSession.setUserSessionNote(EidasAcrMapper.SESSION_NOTE, uri);
                    new AcrStore(session, authSession).setLevelAuthenticated(level.ordinal() + 1);
                }
            }
        }
    }
}
