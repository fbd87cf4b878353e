package it.spidonly.keycloak.testsupport.oidcfed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A test trust anchor of a SPID/CIE-like OpenID Federation, on the JDK HTTP server at {@code http://127.0.0.1:<free
 * port>} (its entity id). It serves its entity configuration, {@code fetch}, {@code list} (filters
 * {@code entity_type}, {@code trust_marked}, {@code trust_mark_type}; others 400 {@code unsupported_parameter}),
 * {@code resolve}, {@code trust_mark_status} (both generations: {@code id}+{@code sub} answers {@code {"active"}};
 * {@code trust_mark} answers a {@code trust-mark-status-response+jwt}), and the test leaf entities it hosts
 * ({@link #entity}). Subordinates are enrolled with {@link #enrol}; {@link #breakStatement} and
 * {@link TestTrustAnchorEntity#breakage} make the broken statements the refusal tests need. Test tool: state in memory.
 */
public final class TestTrustAnchor implements AutoCloseable {
    private static final String ENTITIES = "/entities/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String entityId;
    private final TestTrustAnchorSigner signer = TestTrustAnchorSigner.generate();
    private final Map<String, Subordinate> subordinates = new ConcurrentHashMap<>();
    private final Map<String, TestTrustAnchorEntity> hosted = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> policies = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final class Subordinate {
        final String entityId;
        final Map<String, Object> jwks;
        final String entityType;
        final List<String> trustMarkIds;
        volatile TestTrustAnchorBreakage breakage = TestTrustAnchorBreakage.NONE;

        Subordinate(String entityId, Map<String, Object> jwks, String entityType, List<String> trustMarkIds) {
            this.entityId = entityId;
            this.jwks = jwks;
            this.entityType = entityType;
            this.trustMarkIds = List.copyOf(trustMarkIds);
        }
    }

    private TestTrustAnchor() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        entityId = "http://127.0.0.1:" + server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "test-trust-anchor");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a trust anchor on a free port of 127.0.0.1. */
    public static TestTrustAnchor start() {
        try {
            return new TestTrustAnchor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String entityId() {
        return entityId;
    }

    /** The trust anchor's federation JWK Set, as a relying party pins it. */
    public String jwksJson() {
        return signer.jwksJson();
    }

    public TestTrustAnchorSigner signer() {
        return signer;
    }

    /** The trust-mark id this anchor issues for an entity type: {@code {TA}/{entity type}/public/} (SPID/CIE pattern). */
    public String trustMarkId(String entityType) {
        return entityId + "/" + entityType + "/public/";
    }

    /**
     * Enrols a subordinate: from now on {@code fetch?sub=entityId} answers a statement pinning {@code federationJwksJson}.
     * @return the trust marks issued to it, one per id (valid a year)
     */
    public List<String> enrol(String entityId, String federationJwksJson, String entityType, List<String> trustMarkIds) {
        Map<String, Object> jwks;
        try {
            jwks = TestTrustAnchorSigner.JSON.readValue(federationJwksJson, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWK Set: " + federationJwksJson, e);
        }
        subordinates.put(entityId, new Subordinate(entityId, jwks, entityType, trustMarkIds));
        List<String> marks = new ArrayList<>();
        for (String id : trustMarkIds) {
            marks.add(issueTrustMark(entityId, id));
        }
        return marks;
    }

    /** Hosts a test leaf entity at {@code {TA}/entities/{name}}, enrolled with this anchor's trust mark for its type. */
    public TestTrustAnchorEntity entity(String name, String entityType) {
        String id = entityId + ENTITIES + name;
        TestTrustAnchorEntity entity = new TestTrustAnchorEntity(this, id, entityType, null);
        hosted.put(name, entity);
        entity.trustMarks(enrol(id, entity.federationKey().jwksJson(), entityType, List.of(trustMarkId(entityType))));
        return entity;
    }

    /** A trust mark for {@code subject}, valid for a year. */
    public String issueTrustMark(String subject, String id) {
        return issueTrustMark(subject, id, TestTrustAnchorStatements.now() + 365L * 86_400);
    }

    /** A trust mark for {@code subject} that expires at {@code exp} (seconds since the epoch). */
    public String issueTrustMark(String subject, String id, long exp) {
        return signer.sign("trust-mark+jwt", trustMarkClaims(subject, id, exp));
    }

    /** A trust mark that looks like this anchor's (same kid) but is signed by another key. */
    String forgeTrustMark(String subject, String id) {
        Map<String, Object> header = Map.of("alg", "RS256", "kid", signer.kid(), "typ", "trust-mark+jwt");
        return TestTrustAnchorSigner.generate().signWithHeader(header, trustMarkClaims(subject, id, TestTrustAnchorStatements.now() + 86_400));
    }

    private Map<String, Object> trustMarkClaims(String subject, String id, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entityId);
        claims.put("sub", subject);
        claims.put("id", id);
        claims.put("trust_mark_type", id);
        claims.put("iat", TestTrustAnchorStatements.now() - 60);
        claims.put("exp", exp);
        claims.put("organization_type", "public");
        return claims;
    }

    /** Breaks the subordinate statement about {@code subject} ({@link TestTrustAnchorBreakage#NONE} repairs it). */
    public void breakStatement(String subject, TestTrustAnchorBreakage breakage) {
        subordinates.get(subject).breakage = breakage;
    }

    /** The metadata policy of this anchor's statements for {@code entityType} (null: none). */
    public void metadataPolicy(String entityType, Map<String, Object> policy) {
        if (policy == null) {
            policies.remove(entityType);
        } else {
            policies.put(entityType, policy);
        }
    }

    /** Marks {@code subject}'s trust marks as revoked at the status endpoint. */
    public void revoke(String subject) {
        revoked.add(subject);
    }

    /** The anchor's own entity configuration. */
    public String entityConfiguration() {
        Map<String, Object> fe = new LinkedHashMap<>();
        fe.put("organization_name", "Test trust anchor");
        fe.put("homepage_uri", entityId);
        fe.put("contacts", List.of("ta@test.example"));
        fe.put("federation_fetch_endpoint", entityId + "/fetch");
        fe.put("federation_list_endpoint", entityId + "/list");
        fe.put("federation_resolve_endpoint", entityId + "/resolve");
        fe.put("federation_trust_mark_status_endpoint", entityId + "/trust_mark_status");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entityId);
        claims.put("sub", entityId);
        claims.put("jwks", signer.jwks());
        claims.put("metadata", Map.of("federation_entity", fe));
        claims.put("trust_mark_issuers", Map.of(
                trustMarkId("openid_provider"), List.of(entityId),
                trustMarkId("openid_relying_party"), List.of(entityId)));
        claims.put("constraints", Map.of("max_path_length", 1));
        return TestTrustAnchorStatements.sign(signer, TestTrustAnchorStatements.STATEMENT_TYP, claims, TestTrustAnchorBreakage.NONE, true);
    }

    /** The subordinate statement about {@code subject}, or null when it is not enrolled. */
    public String subordinateStatement(String subject) {
        Subordinate s = subordinates.get(subject);
        if (s == null) {
            return null;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entityId);
        claims.put("sub", s.entityId);
        claims.put("jwks", s.jwks);
        claims.put("constraints", Map.of("max_path_length", 0));
        Map<String, Object> policy = policies.get(s.entityType);
        if (policy != null) {
            claims.put("metadata_policy", Map.of(s.entityType, policy));
        }
        claims.put("trust_marks", s.trustMarkIds.stream().map(id -> Map.of("id", id, "trust_mark", issueTrustMark(s.entityId, id))).toList());
        return TestTrustAnchorStatements.sign(signer, TestTrustAnchorStatements.STATEMENT_TYP, claims, s.breakage, false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
            if ("POST".equals(exchange.getRequestMethod()) && path.equals("/trust_mark_status")) {
                trustMarkStatus(exchange, parameters(new String(readCapped(exchange.getRequestBody()), StandardCharsets.UTF_8)));
            } else if (path.equals("/.well-known/openid-federation")) {
                send(exchange, 200, "application/entity-statement+jwt", entityConfiguration());
            } else if (path.equals("/fetch")) {
                String statement = subordinateStatement(query.getOrDefault("sub", ""));
                if (statement == null) {
                    error(exchange, 404, "not_found", "unknown subordinate");
                } else {
                    send(exchange, 200, "application/entity-statement+jwt", statement);
                }
            } else if (path.equals("/list")) {
                list(exchange, query);
            } else if (path.equals("/resolve")) {
                resolve(exchange, query);
            } else if (path.startsWith(ENTITIES) && path.endsWith("/.well-known/openid-federation")) {
                String name = path.substring(ENTITIES.length(), path.length() - "/.well-known/openid-federation".length());
                TestTrustAnchorEntity entity = hosted.get(name);
                if (entity == null) {
                    error(exchange, 404, "not_found", "unknown entity");
                } else {
                    send(exchange, 200, "application/entity-statement+jwt", entity.entityConfiguration());
                }
            } else {
                error(exchange, 404, "not_found", "no such endpoint");
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "server_error", e.getClass().getSimpleName());
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        for (String name : query.keySet()) {
            if (!Set.of("entity_type", "trust_marked", "trust_mark_type").contains(name)) {
                error(exchange, 400, "unsupported_parameter", name);
                return;
            }
        }
        List<String> ids = subordinates.values().stream()
                .filter(s -> !query.containsKey("entity_type") || s.entityType.equals(query.get("entity_type")))
                .filter(s -> !"true".equals(query.get("trust_marked")) || !s.trustMarkIds.isEmpty())
                .filter(s -> !query.containsKey("trust_mark_type") || s.trustMarkIds.contains(query.get("trust_mark_type")))
                .map(s -> s.entityId).sorted().toList();
        send(exchange, 200, "application/json", TestTrustAnchorSigner.json(ids));
    }

    /** The anchor's resolve: the subject's configuration, this anchor's statement about it, its metadata as published. */
    private void resolve(HttpExchange exchange, Map<String, String> query) throws IOException {
        String sub = query.getOrDefault("sub", "");
        String statement = subordinateStatement(sub);
        if (statement == null || (query.containsKey("trust_anchor") && !entityId.equals(query.get("trust_anchor")))) {
            error(exchange, 404, "not_found", "unknown subject or trust anchor");
            return;
        }
        String configuration;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sub + "/.well-known/openid-federation"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            configuration = response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, Object> ec = TestTrustAnchorSigner.JSON.readValue(
                java.util.Base64.getUrlDecoder().decode(configuration.split("\\.")[1]), new TypeReference<Map<String, Object>>() {
                });
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entityId);
        claims.put("sub", sub);
        claims.put("metadata", ec.get("metadata"));
        claims.put("trust_marks", ec.getOrDefault("trust_marks", List.of()));
        claims.put("trust_chain", List.of(configuration, statement, entityConfiguration()));
        send(exchange, 200, "application/resolve-response+jwt", signer.sign("resolve-response+jwt", claims));
    }

    private void trustMarkStatus(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (form.containsKey("trust_mark")) {
            Map<String, Object> mark = TestTrustAnchorSigner.JSON.readValue(
                    java.util.Base64.getUrlDecoder().decode(form.get("trust_mark").split("\\.")[1]), new TypeReference<Map<String, Object>>() {
                    });
            String sub = String.valueOf(mark.get("sub"));
            String status = !subordinates.containsKey(sub) ? "invalid" : revoked.contains(sub) ? "revoked" : "active";
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", entityId);
            claims.put("iat", TestTrustAnchorStatements.now());
            claims.put("trust_mark", form.get("trust_mark"));
            claims.put("status", status);
            send(exchange, 200, "application/trust-mark-status-response+jwt", signer.sign("trust-mark-status-response+jwt", claims));
        } else {
            Subordinate s = subordinates.get(form.getOrDefault("sub", ""));
            boolean active = s != null && s.trustMarkIds.contains(form.get("id")) && !revoked.contains(s.entityId);
            send(exchange, 200, "application/json", TestTrustAnchorSigner.json(Map.of("active", active)));
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        return in.readNBytes(64 * 1024);
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        send(exchange, status, "application/json", TestTrustAnchorSigner.json(Map.of("error", error, "error_description", description)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
