package it.spidonly.demo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "Dimissioni volontarie", the demo's ministry app: a real OpenID Connect relying party (Nimbus OAuth 2.0 SDK with
 * OpenID Connect extensions) on a port of its own. Code flow with PKCE (S256), state and nonce checked, the ID token
 * verified with Keycloak's JWKS (signature, issuer, audience, expiry, nonce). Shows who logged in, how (IdP,
 * protocol, {@code acr}) and every claim; "step up to level 3" asks again with
 * {@code acr_values=https://www.spid.gov.it/SpidL3}; "Esci" is RP-initiated logout at Keycloak, which logs out at the
 * SPID IdP too. Sessions live in this process's memory (one demo app, not a cluster).
 */
final class MinistryApp implements AutoCloseable {
    static final String CLIENT_ID = "dimissioni-volontarie";
    static final String SPID_L2 = "https://www.spid.gov.it/SpidL2";
    static final String SPID_L3 = "https://www.spid.gov.it/SpidL3";
    private static final String COOKIE = "dv_session";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String issuerUrl;
    private final Map<String, IDTokenValidator> validators = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile OIDCProviderMetadata provider;

    /** One browser's state: the logins in flight (by state) and, once logged in, the tokens and verified claims. */
    private static final class Session {
        final Map<String, Pending> pending = new ConcurrentHashMap<>();
        volatile JWT idToken;
        volatile IDTokenClaimsSet claims;
        volatile String accessToken;
        volatile String error;
    }

    private record Pending(Nonce nonce, CodeVerifier verifier, ClientID clientId) {
    }

    private MinistryApp(int port, String issuerUrl) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.issuerUrl = issuerUrl;
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            } catch (RuntimeException e) {
                System.getLogger(MinistryApp.class.getName()).log(System.Logger.Level.WARNING, "ministry app", e);
                try {
                    Pages.send(exchange, 500, "text/html; charset=utf-8", Pages.frame("Errore", header()
                            + "<main><p role=\"alert\">Errore interno dell'app demo: " + Pages.escape(e.getMessage()) + "</p></main>"));
                } catch (IOException ignored) {
                    // the browser went away
                }
            }
        });
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ministry-app");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free port) for the realm {@code issuerUrl} (Keycloak's /realms/R). */
    static MinistryApp start(int port, String issuerUrl) {
        try {
            return new MinistryApp(port, issuerUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the ministry app", e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String redirectUri() {
        return baseUrl + "/callback";
    }

    private OIDCProviderMetadata provider() {
        if (provider == null) {
            try {
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuerUrl));
                validators.put(CLIENT_ID, new IDTokenValidator(metadata.getIssuer(), new ClientID(CLIENT_ID), JWSAlgorithm.RS256,
                        metadata.getJWKSetURI().toURL()));
                provider = metadata;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read Keycloak's OpenID configuration at " + issuerUrl + ": " + e.getMessage(), e);
            }
        }
        return provider;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/" -> home(exchange);
            case "/login" -> login(exchange, CLIENT_ID, null);
            case "/step-up" -> login(exchange, CLIENT_ID, SPID_L3);
            case "/callback" -> callback(exchange);
            case "/logout" -> logout(exchange);
            case "/logged-out" -> {
                sessions.remove(sessionId(exchange));
                Pages.redirect(exchange, "/");
            }
            default -> Pages.send(exchange, 404, "text/plain; charset=utf-8", "not found");
        }
    }

    private Session session(HttpExchange exchange) {
        String id = sessionId(exchange);
        if (id != null && sessions.containsKey(id)) {
            return sessions.get(id);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String fresh = HexFormat.of().formatHex(bytes);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + fresh + "; Path=/; HttpOnly; SameSite=Lax");
        Session session = new Session();
        sessions.put(fresh, session);
        return session;
    }

    private static String sessionId(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(COOKIE + "=")) {
                    return c.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private void login(HttpExchange exchange, String client, String acr) throws IOException {
        ClientID clientId = new ClientID(client);
        Session session = session(exchange);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        session.pending.put(state.getValue(), new Pending(nonce, verifier, clientId));
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email", "spid", "eidas"), clientId, URI.create(redirectUri()))
                .endpointURI(provider().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256);
        if (acr != null) {
            request.acrValues(List.of(new ACR(acr)));
        }
        Pages.redirect(exchange, request.build().toURI().toString());
    }

    private void callback(HttpExchange exchange) throws IOException {
        Session session = session(exchange);
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(redirectUri() + "?"
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery())));
            Pending pending = response.getState() == null ? null : session.pending.remove(response.getState().getValue());
            if (pending == null) {
                throw new IllegalArgumentException("state sconosciuto: risposta non richiesta da questo browser");
            }
            if (response instanceof AuthenticationErrorResponse error) {
                session.error = "Keycloak ha risposto: " + error.getErrorObject().getCode()
                        + (error.getErrorObject().getDescription() == null ? "" : " (" + error.getErrorObject().getDescription() + ")");
                Pages.redirect(exchange, "/");
                return;
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            provider();
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), pending.clientId(),
                    new AuthorizationCodeGrant(code, URI.create(redirectUri()), pending.verifier())).toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new IllegalStateException("token endpoint: " + tokenResponse.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            JWT idToken = tokens.getOIDCTokens().getIDToken();
            session.claims = validators.get(pending.clientId().getValue()).validate(idToken, pending.nonce());
            session.idToken = idToken;
            session.accessToken = tokens.getOIDCTokens().getAccessToken().getValue();
            session.error = null;
            Pages.redirect(exchange, "/");
        } catch (Exception e) {
            session.error = "Accesso non riuscito: " + e.getMessage();
            Pages.redirect(exchange, "/");
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        Session session = session(exchange);
        if (session.idToken == null) {
            Pages.redirect(exchange, "/");
            return;
        }
        URI logout = new LogoutRequest(provider().getEndSessionEndpointURI(), session.idToken,
                URI.create(baseUrl + "/logged-out"), new State()).toURI();
        session.idToken = null;
        session.claims = null;
        Pages.redirect(exchange, logout.toString());
    }

    private String header() {
        return "<header><strong>Ministero del Lavoro e delle Politiche Sociali</strong><small>Dimissioni volontarie (app demo)</small></header>";
    }

    private void home(HttpExchange exchange) throws IOException {
        Session session = session(exchange);
        StringBuilder body = new StringBuilder(header()).append("<main>");
        if (session.error != null) {
            body.append("<p role=\"alert\" id=\"error\">").append(Pages.escape(session.error)).append("</p>");
        }
        IDTokenClaimsSet claims = session.claims;
        if (claims == null) {
            body.append("""
                    <h1>Dimissioni volontarie</h1>
                    <p>Comunica le dimissioni volontarie o la risoluzione consensuale del rapporto di lavoro.</p>
                    <p>Accedi con SPID, CIE, eIDAS (cittadini UE) o le credenziali dell'Help Desk; con le credenziali
                    cliclavoro solo fino al passaggio a SPID.</p>
                    <p><a class="button" id="login" href="/login">Accedi</a></p>
                    """);
        } else {
            Map<String, Object> all = new TreeMap<>(claims.toJSONObject());
            String acr = claims.getACR() == null ? "" : claims.getACR().getValue();
            String idp = String.valueOf(all.getOrDefault("identity_provider", ""));
            body.append("<h1>Benvenuto, ").append(Pages.escape(String.valueOf(all.getOrDefault("name", all.get("preferred_username")))))
                    .append("</h1>")
                    .append("<p class=\"how\" id=\"how\">Accesso con <strong id=\"protocol\">").append(Pages.escape(protocol(idp, acr)))
                    .append("</strong>").append(idp.isEmpty() ? "" : " tramite <strong id=\"idp\">" + Pages.escape(idp) + "</strong>")
                    .append(", livello <code id=\"acr\">").append(Pages.escape(acr)).append("</code></p>")
                    .append("<p>")
                    .append(SPID_L3.equals(acr) ? "" : "<a class=\"button\" id=\"step-up\" href=\"/step-up\">Passa al livello 3 (SPID L3)</a>")
                    .append("<a class=\"button secondary\" id=\"logout\" href=\"/logout\">Esci</a></p>")
                    .append("<h2>Claim ricevuti nell'ID token (verificato con il JWKS di Keycloak)</h2><table id=\"claims\">");
            all.forEach((name, value) -> body.append("<tr><th>").append(Pages.escape(name)).append("</th><td>")
                    .append(Pages.escape(String.valueOf(value))).append("</td></tr>"));
            body.append("</table>");
        }
        body.append("</main>");
        Pages.send(exchange, 200, "text/html; charset=utf-8", Pages.frame("Dimissioni volontarie", body.toString()));
    }

    /** How the person came, from what the tokens say: the IdP alias and the acr. */
    static String protocol(String idp, String acr) {
        if (acr.contains("helpdesk")) {
            return "credenziali Help Desk (password + TOTP)";
        }
        if (idp.isEmpty()) {
            // no identity provider: the realm's own password (Keycloak maps its level 1 to SpidL1 with acr.loa.map)
            return "password (account legacy cliclavoro)";
        }
        if (idp.startsWith("ficep")) {
            return "eIDAS tramite FICEP (SAML, profilo SPID)";
        }
        if (idp.startsWith("eidas")) {
            return "eIDAS, nodo nativo (SAML)";
        }
        if (idp.startsWith("cie")) {
            return "CIE (SAML)";
        }
        return "SPID (SAML)";
    }

    /** The number of browsers known to the app (for tests of the demo). */
    int sessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static JWT parse(String jwt) throws java.text.ParseException {
        return JWTParser.parse(jwt);
    }
}
