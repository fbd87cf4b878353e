package it.spidonly.keycloak.testsupport.eidasnode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A test eIDAS node with a server (the runnable test IdP's eIDAS-node mode): it serves its metadata, receives the
 * eIDAS AuthnRequest (HTTP-POST) of one service provider, shows a login page with its citizens (one country), and
 * answers with {@link EidasNodeResponseBuilder}'s Response (RSASSA-PSS signature, assertion encrypted to the SP's
 * encryption certificate from its metadata, the person's LoA) through an auto-posting form.
 *
 * <p>Endpoints: {@code GET /metadata}, {@code POST /sso}, {@code POST /login}. The SP is fixed at start (its eIDAS
 * metadata URL, e.g. Keycloak's {@code /realms/R/broker/ALIAS/endpoint/descriptor}); a request from another issuer or
 * to another ACS is refused. Requests are parsed with Keycloak's {@code DocumentUtil} (no DTDs, no external entities)
 * after a size check. State (pending logins) lives in memory: this is a test tool, never deployed into Keycloak.
 */
public final class EidasNodeServer implements AutoCloseable {
    private static final int MAX_BODY = 256 * 1024;
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String entityId;
    private final String countryName;
    private final SigningCredential credential;
    private final EidasSpMetadata spMetadata;
    private final List<TestUser> users;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private record Pending(String requestId, String relayState, String requestedLevel) {
    }

    private EidasNodeServer(int port, String countryName, String spMetadataUrl, List<TestUser> users,
                            SigningCredential credential) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        entityId = baseUrl + "/metadata";
        this.countryName = countryName;
        this.credential = credential;
        this.users = List.copyOf(users);
        this.spMetadata = new EidasSpMetadata(spMetadataUrl);
        server.createContext("/", exchange -> handle(exchange, this::route));
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "eidas-test-node");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a node of {@code countryName} on 127.0.0.1 ({@code port} 0 = a free port) for the SP whose eIDAS metadata
     * is at {@code spMetadataUrl}, with {@code users} (spidLevel 2 = LoA substantial, 3 = high) and {@code credential}
     * (RSA 3072 or more: eIDAS refuses smaller keys).
     */
    public static EidasNodeServer start(int port, String countryName, String spMetadataUrl, List<TestUser> users,
                                        SigningCredential credential) {
        try {
            return new EidasNodeServer(port, countryName, spMetadataUrl, users, credential);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the eIDAS test node on port " + port, e);
        }
    }

    /** The demo citizens of {@code spid-test-idp/eidas-node-demo-users.json} (fictitious Spanish citizens). */
    public static List<TestUser> demoUsers() {
        try (InputStream in = EidasNodeServer.class.getResourceAsStream("/spid-test-idp/eidas-node-demo-users.json")) {
            if (in == null) {
                throw new IllegalStateException("Missing spid-test-idp/eidas-node-demo-users.json");
            }
            return TestUser.loadJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String entityId() {
        return entityId;
    }

    public String metadataUrl() {
        return baseUrl + "/metadata";
    }

    public String ssoUrl() {
        return baseUrl + "/sso";
    }

    public String signingCertificateBase64() {
        return credential.certificateBase64();
    }

    public List<TestUser> users() {
        return users;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Route {
        void serve(HttpExchange exchange) throws IOException;
    }

    private static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    private void handle(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            try {
                route.serve(exchange);
            } catch (Rejected e) {
                html(exchange, 400, page("Request rejected", "<p id=\"message\">" + escape(e.getMessage()) + "</p>"));
            } catch (RuntimeException e) {
                System.getLogger(EidasNodeServer.class.getName()).log(System.Logger.Level.WARNING, "eIDAS test node failed", e);
                html(exchange, 500, page("eIDAS test node error", "<p id=\"message\">" + escape(String.valueOf(e.getMessage())) + "</p>"));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/metadata") && method.equals("GET")) {
            send(exchange, 200, "application/samlmetadata+xml", metadata());
        } else if (path.equals("/sso") && method.equals("POST")) {
            sso(exchange);
        } else if (path.equals("/login") && method.equals("POST")) {
            login(exchange);
        } else if (path.equals("/") && method.equals("GET")) {
            html(exchange, 200, page("eIDAS test node: " + countryName, "<p>Metadata: <a href=\"/metadata\">" + escape(metadataUrl()) + "</a></p>"));
        } else {
            html(exchange, 404, page("Not found", "<p>The eIDAS test node has no page here.</p>"));
        }
    }

    private String metadata() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="%s" xmlns:ds="%s" entityID="%s">
                <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>
                </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(MD, DS, escape(entityId), credential.certificateBase64(), escape(ssoUrl()));
    }

    private void sso(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String samlRequest = form.get("SAMLRequest");
        if (samlRequest == null) {
            throw new Rejected("No SAMLRequest (this node takes the HTTP-POST binding)");
        }
        Document request;
        try {
            byte[] xml = Base64.getMimeDecoder().decode(samlRequest);
            if (xml.length > MAX_BODY) {
                throw new Rejected("The AuthnRequest is too large");
            }
            request = DocumentUtil.getDocument(new String(xml, StandardCharsets.UTF_8));
        } catch (Rejected e) {
            throw e;
        } catch (Exception e) {
            throw new Rejected("The SAMLRequest is not a readable SAML message");
        }
        Element root = request.getDocumentElement();
        if (!"AuthnRequest".equals(root.getLocalName()) || !EidasNodeResponseBuilder.SAMLP.equals(root.getNamespaceURI())) {
            throw new Rejected("Not an AuthnRequest");
        }
        EidasSpMetadata.Sp sp = spMetadata.current();
        String issuer = text(request, EidasNodeResponseBuilder.SAML, "Issuer").orElse("");
        if (!sp.entityId().equals(issuer)) {
            throw new Rejected("Unknown service provider " + issuer + " (this node serves " + sp.entityId() + ")");
        }
        String acs = root.getAttribute("AssertionConsumerServiceURL");
        if (!acs.isEmpty() && !acs.equals(sp.acs())) {
            throw new Rejected("AssertionConsumerServiceURL is not the SP's ACS in its metadata");
        }
        String id = root.getAttribute("ID");
        if (id.isEmpty()) {
            throw new Rejected("The AuthnRequest has no ID");
        }
        String level = text(request, EidasNodeResponseBuilder.SAML, "AuthnContextClassRef").orElse(EidasNodeResponseBuilder.LOA_SUBSTANTIAL);
        String reference = HexFormat.of().formatHex(nextBytes());
        pending.put(reference, new Pending(id, form.get("RelayState"), level));
        html(exchange, 200, loginPage(reference, issuer, level, null));
    }

    private byte[] nextBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        Pending login = pending.get(String.valueOf(form.get("request")));
        if (login == null) {
            throw new Rejected("Unknown or finished login");
        }
        EidasSpMetadata.Sp sp = spMetadata.current();
        Optional<TestUser> user = users.stream().filter(u -> u.username().equals(form.get("username"))
                && u.password().equals(form.get("password"))).findFirst();
        if (user.isEmpty()) {
            html(exchange, 200, loginPage(form.get("request"), sp.entityId(), login.requestedLevel(), "Unknown username or wrong password"));
            return;
        }
        pending.remove(form.get("request"));
        TestUser person = user.get();
        EidasNodeResponseBuilder response = new EidasNodeResponseBuilder(entityId, sp.entityId(), sp.acs(), login.requestId(),
                credential.keyPair(), credential.certificate(), sp.encryptionCertificate())
                .level(person.spidLevel() >= 3 ? EidasNodeResponseBuilder.LOA_HIGH : EidasNodeResponseBuilder.LOA_SUBSTANTIAL)
                .attribute(EidasNodeResponseBuilder.PERSON_IDENTIFIER, person.attribute("spidCode"))
                .attribute(EidasNodeResponseBuilder.GIVEN_NAME, person.attribute("name"))
                .attribute(EidasNodeResponseBuilder.FAMILY_NAME, person.attribute("familyName"))
                .attribute(EidasNodeResponseBuilder.DATE_OF_BIRTH, person.attribute("dateOfBirth"));
        String relayState = login.relayState() == null ? ""
                : "<input type=\"hidden\" name=\"RelayState\" value=\"" + escape(login.relayState()) + "\">";
        html(exchange, 200, page("eIDAS test node: " + countryName, """
                <p>Returning to the service provider&hellip;</p>
                <form method="post" action="%s">
                <input type="hidden" name="SAMLResponse" value="%s">
                %s<noscript><p>JavaScript is off: press Continue.</p></noscript>
                <button type="submit" id="continue">Continue</button>
                </form>
                <script>window.addEventListener('load', function () { document.forms[0].submit(); });</script>
                """.formatted(escape(sp.acs()), escape(response.base64()), relayState)));
    }

    private String loginPage(String reference, String sp, String level, String error) {
        String rows = users.stream().map(u -> "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s %s</td></tr>".formatted(
                escape(u.username()), escape(u.password()), u.spidLevel() >= 3 ? "high" : "substantial",
                escape(u.attribute("name")), escape(u.attribute("familyName")))).collect(Collectors.joining("\n"));
        String alert = error == null ? "" : "<p role=\"alert\" id=\"error\">" + escape(error) + "</p>";
        return page("eIDAS test node: " + countryName, """
                <p>Service provider <strong id="sp">%s</strong> asks for <strong id="level">%s</strong>.</p>
                %s<form method="post" action="/login">
                <input type="hidden" name="request" value="%s">
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <div><button type="submit" id="login">Log in</button></div>
                </form>
                <table id="users"><caption>Test citizens (public demo credentials)</caption>
                <thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">LoA</th><th scope="col">Name</th></tr></thead>
                <tbody>%s</tbody></table>
                """.formatted(escape(sp), escape(level), alert, escape(reference), rows));
    }

    private static Optional<String> text(Document doc, String ns, String localName) {
        var nodes = doc.getElementsByTagNameNS(ns, localName);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(2 * MAX_BODY + 1);
        }
        if (body.length > 2 * MAX_BODY) {
            throw new Rejected("The request body is too large");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new Rejected("Badly percent-encoded form");
                }
            }
        }
        return form;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String page(String heading, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
                header { background: #003399; color: #fc0; padding: .5rem 1rem; } label { display: block; margin-top: 1rem; font-weight: 600; }
                input { font-size: 1rem; padding: .4rem; width: 100%%; max-width: 20rem; } button { font-size: 1rem; padding: .5rem 1.2rem; margin-top: 1rem; }
                [role=alert] { color: #a00; font-weight: 600; } table { border-collapse: collapse; margin-top: 2rem; }
                th, td { border: 1px solid #999; padding: .3rem .6rem; text-align: left; }</style></head>
                <body><header><strong>eIDAS</strong> test node</header><main><h1>%1$s</h1>
                %2$s
                </main></body></html>
                """.formatted(escape(heading), body);
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
