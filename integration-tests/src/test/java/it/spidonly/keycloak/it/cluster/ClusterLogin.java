package it.spidonly.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.cluster.RoundRobinProxy;

/**
 * A citizen's SPID login through the cluster's balancer: one browser (one cookie jar), every request to the next
 * node. {@link RoundRobinProxy#sendNextTo} picks the node of exactly the hops a test wants to prove; all the
 * others alternate.
 */
final class ClusterLogin {
    final HttpBrowser browser = new HttpBrowser().stopAt(ClusterSpidRealm.REDIRECT_URI);
    final OidcTestClient app;
    private final ClusterSpidRealm realm;
    private final RoundRobinProxy balancer;
    /** What the IdP's page posted to the ACS last. */
    String samlResponse;
    String relayState;

    ClusterLogin(ClusterSpidRealm realm) {
        this.realm = realm;
        this.balancer = realm.cluster.balancer();
        this.app = new OidcTestClient(browser, realm.realmUrl(), ClusterSpidRealm.APP, ClusterSpidRealm.REDIRECT_URI);
        app.metadata(); // discovery now, so that it is not the request a test steers
    }

    /** The app sends the browser to Keycloak, whose authorization endpoint is served by {@code node}; returns the IdP's login page. */
    Page startOn(int node) {
        String authorization = app.authorizationUrl(Map.of("kc_idp_hint", ClusterSpidRealm.IDP_ALIAS)).toString();
        balancer.sendNextTo(node);
        Page toIdp = browser.get(authorization);
        Page idpLogin = browser.submit(toIdp.element("form"));
        assertEquals(200, idpLogin.status(), () -> "the test IdP's login page: " + idpLogin);
        return idpLogin;
    }

    /** Logs in at the IdP, then the IdP's page posts the Response to the ACS, served by {@code node}; returns where the browser stopped. */
    Page finishOn(int node, Page idpLogin, String username) {
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", username, "password", "password123"));
        assertEquals(200, autoPost.status(), () -> "the IdP's auto-post page: " + autoPost);
        samlResponse = autoPost.element("input[name=SAMLResponse]").attr("value");
        relayState = autoPost.element("input[name=RelayState]").attr("value");
        balancer.sendNextTo(node);
        return browser.submit(autoPost.element("form"));
    }

    /** Redeems the code in the redirect to the app; the token request is served by {@code node}. */
    OidcTestClient.Tokens tokensOn(int node, Page end) {
        assertTrue(end.isRedirect() && end.location().startsWith(ClusterSpidRealm.REDIRECT_URI),
                () -> "the app should get its code: " + end + "\n" + end.body());
        balancer.sendNextTo(node);
        return app.exchange(end.location());
    }

    /** Posts a SAMLResponse to the ACS as an IdP's auto-post form would, served by {@code node}. */
    Page postToAcsOn(int node, String response, String relay) {
        balancer.sendNextTo(node);
        return browser.postForm(realm.acsUrl(), Map.of("SAMLResponse", response, "RelayState", relay));
    }

    /** The node that served the last request whose path starts with {@code pathPrefix}, among {@code served}. */
    static int nodeOf(List<RoundRobinProxy.Served> served, String method, String pathPrefix) {
        for (int i = served.size() - 1; i >= 0; i--) {
            RoundRobinProxy.Served s = served.get(i);
            if (s.method().equals(method) && s.pathAndQuery().startsWith(pathPrefix)) {
                return s.node();
            }
        }
        throw new AssertionError("No " + method + " " + pathPrefix + " went through the balancer: " + served);
    }
}
