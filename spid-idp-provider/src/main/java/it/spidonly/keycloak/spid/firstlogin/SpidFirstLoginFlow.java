package it.spidonly.keycloak.spid.firstlogin;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/** The bundle's first-broker-login flow for SPID IdPs, created in a realm when its SPID SP is created. */
public final class SpidFirstLoginFlow {
    public static final String ALIAS = "spid first broker login";

    private SpidFirstLoginFlow() {
    }

    public static void ensure(RealmModel realm) {
        if (realm.getFlowByAlias(ALIAS) != null) {
            return;
        }
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(ALIAS);
        flow.setDescription("SPID first login: link to the account with the same fiscal number, or create it");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow = realm.addAuthenticationFlow(flow);
        AuthenticationExecutionModel step = new AuthenticationExecutionModel();
        step.setParentFlow(flow.getId());
        step.setAuthenticator(SpidFirstLoginAuthenticatorFactory.PROVIDER_ID);
        step.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
        step.setPriority(10);
        step.setAuthenticatorFlow(false);
        realm.addAuthenticatorExecution(step);
    }
}
