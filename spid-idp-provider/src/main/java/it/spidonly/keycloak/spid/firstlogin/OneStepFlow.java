package it.spidonly.keycloak.spid.firstlogin;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * A top-level flow of one REQUIRED authenticator, created in a realm when missing (never changed when present, so an
 * admin's edits stay): the bundle's first-broker-login flows for SPID and for eIDAS.
 */
public final class OneStepFlow {
    private OneStepFlow() {
    }

    public static AuthenticationFlowModel ensure(RealmModel realm, String alias, String description, String authenticator) {
        AuthenticationFlowModel existing = realm.getFlowByAlias(alias);
        if (existing != null) {
            return existing;
        }
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(alias);
        flow.setDescription(description);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow = realm.addAuthenticationFlow(flow);
        AuthenticationExecutionModel step = new AuthenticationExecutionModel();
        step.setParentFlow(flow.getId());
        step.setAuthenticator(authenticator);
        step.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
        step.setPriority(10);
        step.setAuthenticatorFlow(false);
        realm.addAuthenticatorExecution(step);
        return flow;
    }
}
