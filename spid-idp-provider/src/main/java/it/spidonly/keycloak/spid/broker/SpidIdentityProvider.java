package it.spidonly.keycloak.spid.broker;

import java.util.Iterator;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.broker.saml.SAMLIdentityProvider;
import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.LogoutRequestType;
import org.keycloak.models.UserSessionModel;
import org.keycloak.saml.SamlProtocolExtensionsAwareBuilder.NodeGenerator;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.saml.JaxrsSAML2BindingBuilder;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.protocol.saml.SamlSessionUtils;
import org.keycloak.protocol.saml.preprocessor.SamlAuthenticationPreprocessor;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.w3c.dom.Document;

import it.spidonly.keycloak.spid.attributes.AccountEmail;
import it.spidonly.keycloak.spid.attributes.AccountWrites;
import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;
import it.spidonly.keycloak.spid.attributes.SpidIdentity;
import it.spidonly.keycloak.spid.firstlogin.AccountDataWriter;
import it.spidonly.keycloak.spid.keys.SpidSigningKey;
import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.RequestedSpidLevel;
import it.spidonly.keycloak.spid.level.SessionSpidLevel;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.metadata.SamlNames;
import it.spidonly.keycloak.spid.metadata.SpidMetadata;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * A SPID identity provider: Keycloak's SAML broker with the SPID AuthnRequest, the realm-wide SP
 * (one entityID, one ACS, one metadata) and the SPID identity (fiscal number, SPID attributes).
 * Overrides, and why, are listed in docs/keycloak-diff.md.
 */
public class SpidIdentityProvider extends SAMLIdentityProvider implements AccountDataWriter {
    /** Auth-session notes the response checks read. */
    public static final String NOTE_REQUESTED_LEVEL = "spid.requested.level";
    public static final String NOTE_COMPARISON = "spid.requested.comparison";
    public static final String NOTE_REQUEST_ISSUE_INSTANT = "spid.request.issue-instant";
    public static final String NOTE_IDP_ALIAS = "spid.request.idp";
    /** The AttributeConsumingServiceIndex of the request (the requested attribute set). */
    public static final String NOTE_ATTRIBUTE_SET = "spid.request.attribute-set";
    /** Auth note: the SPID error status the IdP answered with (its message key), while its page is shown. */
    public static final String NOTE_IDP_ERROR = "spid.idp-error";

    private static final Logger LOG = Logger.getLogger(SpidIdentityProvider.class);

    private final SpidServiceProviderConfig sp;
    private final DestinationValidator destinationValidator;

    public SpidIdentityProvider(KeycloakSession session, SpidIdentityProviderConfig config, SpidServiceProviderConfig sp,
                                DestinationValidator destinationValidator) {
        super(session, config, destinationValidator);
        this.sp = sp;
        this.destinationValidator = destinationValidator;
    }

    @Override
    public SpidIdentityProviderConfig getConfig() {
        return (SpidIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new SpidEndpoint(session, this, getConfig(), callback, destinationValidator,
                SpidEndpointUrls.of(session.getContext().getUri().getBaseUri(), realm.getName()), sp);
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        RealmModel realm = request.getRealm();
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        SpidServiceProviderConfig spConfig = requireServiceProvider(realm);
        int acsIndex = getConfig().attributeConsumingServiceIndexOrDefault();
        if (getConfig().requestedAttributes(spConfig, acsIndex).isEmpty()) {
            throw new IdentityBrokerException("SPID IdP " + getConfig().getAlias() + " asks for attribute set " + acsIndex
                    + ", which the SP metadata does not publish");
        }
        SpidLevel level = RequestedSpidLevel.resolve(authSession,
                getConfig().levelOverride().orElse(spConfig.defaultLevel().orElse(SpidLevel.L2)));
        LevelComparison comparison = getConfig().comparison(spConfig);
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        boolean reauthenticate = protocol != null && protocol.requireReauthentication(null, authSession);
        try {
            AuthnRequestType authnRequest = SpidAuthnRequest.build(getConfig().serviceProviderEntityId(spConfig),
                    getConfig().getSingleSignOnServiceUrl(), acsIndex, level, comparison, getConfig().forceAuthn(level, reauthenticate));
            for (Iterator<SamlAuthenticationPreprocessor> it = SamlSessionUtils.getSamlAuthenticationPreprocessorIterator(session); it.hasNext(); ) {
                authnRequest = it.next().beforeSendingLoginRequest(authnRequest, authSession);
            }
            authSession.setClientNote(SamlProtocol.SAML_REQUEST_ID_BROKER, authnRequest.getID());
            authSession.setClientNote(NOTE_REQUESTED_LEVEL, level.uri());
            authSession.setClientNote(NOTE_COMPARISON, comparison.value());
            authSession.setClientNote(NOTE_REQUEST_ISSUE_INSTANT, authnRequest.getIssueInstant().toXMLFormat());
            authSession.setClientNote(NOTE_IDP_ALIAS, getConfig().getAlias());
            authSession.setClientNote(NOTE_ATTRIBUTE_SET, String.valueOf(acsIndex));
            authSession.removeAuthNote(NOTE_IDP_ERROR);

            SpidSigningKey key = SpidSigningKey.resolve(session, realm, spConfig);
            JaxrsSAML2BindingBuilder binding = new JaxrsSAML2BindingBuilder(session)
                    .relayState(request.getState().getEncoded())
                    .signWith(null, key.privateKey(), key.publicKey(), key.certificate())
                    .signatureAlgorithm(key.algorithm())
                    .signDocument();
            Document document = SAML2Request.convert(authnRequest);
            String destination = authnRequest.getDestination().toString();
            return getConfig().isPostBindingAuthnRequest()
                    ? binding.postBinding(document).request(destination)
                    : binding.redirectBinding(document).request(destination);
        } catch (IdentityBrokerException e) {
            throw e;
        } catch (Exception e) {
            throw new IdentityBrokerException("Could not create the SPID authentication request", e);
        }
    }

    /**
     * The level the IdP vouched for (its AuthnContextClassRef) becomes the level of this authentication, so the
     * tokens' {@code acr} says what was achieved and a later request for a higher level steps up; the user session
     * keeps it for SSO reuse ({@link SessionSpidLevel}).
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        super.authenticationFinished(authSession, context);
        Object statement = context.getContextData().get(SAMLEndpoint.SAML_AUTHN_STATEMENT);
        if (statement instanceof AuthnStatementType authn && authn.getAuthnContext() != null
                && authn.getAuthnContext().getSequence() != null && authn.getAuthnContext().getSequence().getClassRef() != null) {
            SpidLevel.fromUri(authn.getAuthnContext().getSequence().getClassRef().getValue().toString())
                    .ifPresent(level -> {
                        new AcrStore(session, authSession).setLevelAuthenticated(level.number());
                        SessionSpidLevel.record(authSession, level);
                    });
        }
    }

    /**
     * SP-initiated single logout, signed with the SP's key (the one its metadata publishes), by HTTP-POST or
     * HTTP-Redirect as the IdP's config says; RelayState is the user-session id Keycloak expects back.
     */
    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        String sloUrl = getConfig().getSingleLogoutServiceUrl();
        if (sloUrl == null || sloUrl.isBlank() || sp == null) {
            return null;
        }
        try {
            LogoutRequestType logout = buildLogoutRequest(userSession, uriInfo, realm, sloUrl);
            SpidSigningKey key = SpidSigningKey.resolve(session, realm, sp);
            JaxrsSAML2BindingBuilder binding = new JaxrsSAML2BindingBuilder(session)
                    .relayState(userSession.getId())
                    .signWith(null, key.privateKey(), key.publicKey(), key.certificate())
                    .signatureAlgorithm(key.algorithm())
                    .signDocument();
            Document document = SAML2Request.convert(logout);
            return getConfig().isPostBindingLogout()
                    ? binding.postBinding(document).request(sloUrl)
                    : binding.redirectBinding(document).request(sloUrl);
        } catch (Exception e) {
            throw new IdentityBrokerException("Could not create the SPID logout request", e);
        }
    }

    /** SPID LogoutRequest: Issuer with NameQualifier and entity Format, as in the AuthnRequest. */
    @Override
    protected LogoutRequestType buildLogoutRequest(UserSessionModel userSession, UriInfo uriInfo, RealmModel realm,
                                                   String singleLogoutServiceUrl, NodeGenerator... extensions) throws ConfigurationException {
        LogoutRequestType logout = super.buildLogoutRequest(userSession, uriInfo, realm, singleLogoutServiceUrl, extensions);
        if (logout.getIssuer() != null) {
            logout.getIssuer().setNameQualifier(logout.getIssuer().getValue());
            logout.getIssuer().setFormat(java.net.URI.create(SamlNames.NAMEID_ENTITY));
        }
        return logout;
    }

    /** The per-IdP descriptor URL serves the realm's one SP metadata, never a per-IdP variant. */
    @Override
    public Response export(UriInfo uriInfo, RealmModel realm, String format) {
        String xml = SpidMetadata.signedXml(session, realm, requireServiceProvider(realm), uriInfo.getBaseUri());
        return Response.ok(xml, MediaType.APPLICATION_XML_TYPE).build();
    }

    /** Stock SAML mappers work on SPID IdPs too. */
    @Override
    public boolean isMapperSupported(IdentityProviderMapper mapper) {
        List<String> compatible = List.of(mapper.getCompatibleProviders());
        return super.isMapperSupported(mapper) || compatible.contains(SAMLIdentityProviderFactory.PROVIDER_ID);
    }

    /**
     * The person is their fiscal number: username and federated id are the normalised code
     * (no TINIT- prefix, upper case), whatever the IdP; names and e-mail come from SPID.
     */
    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        super.preprocessFederatedIdentity(session, realm, context);
        Object assertion = context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        if (!(assertion instanceof AssertionType)) {
            return;
        }
        SpidIdentity identity = SpidIdentity.from((AssertionType) assertion);
        context.getContextData().put(AccountWrites.CONTEXT_SPID_ATTRIBUTES, identity.attributes());
        identity.fiscalNumber().ifPresent(fiscalNumber -> {
            context.setId(fiscalNumber);
            context.setUsername(fiscalNumber);
            context.setBrokerUserId(getConfig().getAlias() + "." + fiscalNumber);
            LOG.infof("SPID login of %s through %s", SpidAttributeValues.mask(fiscalNumber), getConfig().getAlias());
        });
        identity.value(SpidAttribute.name).ifPresent(context::setFirstName);
        identity.value(SpidAttribute.familyName).ifPresent(context::setLastName);
        identity.value(SpidAttribute.email).ifPresent(context::setEmail);
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.importNewUser(session, realm, user, context);
        writeAccountData(user, context);
    }

    /** SPID data is authoritative: refreshed at every SPID login. */
    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.updateBrokeredUser(session, realm, user, context);
        writeAccountData(user, context);
    }

    /**
     * The SPID attributes the realm's user profile declares, and the names; only what changed. The e-mail goes
     * through {@link #updateEmail}.
     */
    @Override
    public void writeAccountData(UserModel user, BrokeredIdentityContext context) {
        AccountWrites.spidLoginData(session, user, context);
    }

    /** The SPID e-mail, as {@link AccountEmail} allows: never another account's address, never written unchanged. */
    @Override
    protected void updateEmail(UserModel user, BrokeredIdentityContext context) {
        if (AccountEmail.wantsUpdate(session, user, context)) {
            super.updateEmail(user, context);
        }
    }

    protected SpidServiceProviderConfig requireServiceProvider(RealmModel realm) {
        if (sp == null) {
            throw new IdentityBrokerException("Realm " + realm.getName() + " has no SPID service provider: configure it on the admin console's SPID page");
        }
        return sp;
    }
}
