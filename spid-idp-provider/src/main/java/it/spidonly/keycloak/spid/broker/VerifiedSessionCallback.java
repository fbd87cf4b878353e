package it.spidonly.keycloak.spid.broker;

import jakarta.ws.rs.core.Response;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's broker callback that remembers the authentication session it verified for a RelayState. The code in
 * the RelayState is single-use, and the SPID rules need the session (the pending request) before Keycloak's own
 * {@code handleLoginResponse} asks for it again. One instance per request, like the endpoint that holds it.
 */
final class VerifiedSessionCallback implements AuthenticationCallback {
    private final AuthenticationCallback delegate;
    private String verifiedRelayState;
    private AuthenticationSessionModel verified;

    VerifiedSessionCallback(AuthenticationCallback delegate) {
        this.delegate = delegate;
    }

    @Override
    public AuthenticationSessionModel getAndVerifyAuthenticationSession(String encodedCode) {
        if (verified != null && encodedCode != null && encodedCode.equals(verifiedRelayState)) {
            return verified;
        }
        AuthenticationSessionModel session = delegate.getAndVerifyAuthenticationSession(encodedCode);
        verifiedRelayState = encodedCode;
        verified = session;
        return session;
    }

    @Override
    public Response authenticated(BrokeredIdentityContext context) {
        return delegate.authenticated(context);
    }

    @Override
    public Response cancelled(IdentityProviderModel idpConfig) {
        return delegate.cancelled(idpConfig);
    }

    @Override
    public Response retryLogin(UserAuthenticationIdentityProvider<?> identityProvider, AuthenticationSessionModel authSession) {
        return delegate.retryLogin(identityProvider, authSession);
    }

    @Override
    public Response error(IdentityProviderModel idpConfig, String message) {
        return delegate.error(idpConfig, message);
    }
}
