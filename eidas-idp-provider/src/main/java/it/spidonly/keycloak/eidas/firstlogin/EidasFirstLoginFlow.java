package it.spidonly.keycloak.eidas.firstlogin;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/** The first-broker-login flow of eIDAS IdPs: one step, {@link EidasFirstLoginAuthenticatorFactory}. */
public final class EidasFirstLoginFlow {
    public static final String ALIAS = "eidas first broker login";

    private EidasFirstLoginFlow() {
    }

    /** The realm's eIDAS first-login flow, created when missing. */
    public static AuthenticationFlowModel ensure(RealmModel realm) {
        AuthenticationFlowModel existing = realm.getFlowByAlias(ALIAS);
        if (existing != null) {
            return existing;
        }
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(ALIAS);
        flow.setDescription("eIDAS first login: the account with the same eIDAS person identifier, or a new one; never a SPID account");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow = realm.addAuthenticationFlow(flow);
        AuthenticationExecutionModel step = new AuthenticationExecutionModel();
        step.setParentFlow(flow.getId());
        step.setAuthenticator(EidasFirstLoginAuthenticatorFactory.PROVIDER_ID);
        step.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
        step.setPriority(10);
        step.setAuthenticatorFlow(false);
        realm.addAuthenticatorExecution(step);
        return flow;
    }
}
