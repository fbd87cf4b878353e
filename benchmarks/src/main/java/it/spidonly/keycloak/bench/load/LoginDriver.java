package it.spidonly.keycloak.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One complete brokered login, as a browser and the app's back end would do it, over plain HTTP on loopback:
 * OIDC authorization request with {@code kc_idp_hint} (code flow, PKCE S256) → Keycloak's HTTP-POST AuthnRequest
 * page → a fresh signed Response ({@link IdpPlayer}) posted to the ACS → Keycloak's first-broker-login flow (new
 * user) or the returning user's login → the redirect to the app with a code → the token request. Thread-safe:
 * one shared {@link HttpClient} (HTTP/1.1, pooled connections), cookies per login.
 */
public final class LoginDriver {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_HOPS = 20;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;
    private final IdpPlayer idp;

    /** @param realmUrl {@code http://127.0.0.1:PORT/realms/REALM} */
    public LoginDriver(String realmUrl, String clientId, String redirectUri, IdpPlayer idp) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.idp = idp;
    }

    /** What one successful login went through. */
    public record Outcome(boolean firstBrokerLogin, String accessToken) {
    }

    /** Logs {@code citizen} in through {@code target}; throws {@link LoginFailure} unless the app gets its tokens. */
    public Outcome login(Target target, Citizen citizen) {
        Cookies cookies = new Cookies();
        String verifier = randomToken(32);
        AuthnRequestForm request = authorize(target, cookies, verifier);
        String acs = request.assertionConsumerServiceUrl() != null ? request.assertionConsumerServiceUrl() : target.acsUrl();
        String samlResponse = idp.respond(request, acs, citizen, target.answer());

        Hop end = follow(cookies, post(URI.create(acs), form(Map.of("SAMLResponse", samlResponse,
                "RelayState", request.relayState()))), "acs");
        String location = end.response.headers().firstValue("Location").orElse(null);
        if (location == null || !location.startsWith(redirectUri)) {
            throw new LoginFailure("acs", "HTTP " + end.response.statusCode() + " at " + end.response.uri() + ": "
                    + snippet(end.response.body()));
        }
        String code = queryParameter(location, "code");
        if (code == null) {
            throw new LoginFailure("acs", "redirect without a code: " + location);
        }
        return new Outcome(end.sawFirstBrokerLogin, token(code, verifier));
    }

    /**
     * Only the first leg: the authorization request up to Keycloak's AuthnRequest, then abandoned. Keycloak
     * generates a new realm's HMAC and AES keys on first use, and two concurrent first requests each generate one
     * (one of the two logins then fails with {@code expired_code}); one such request before a concurrent batch
     * avoids that start-up artefact.
     */
    public void startOnly(Target target) {
        authorize(target, new Cookies(), randomToken(32));
    }

    private AuthnRequestForm authorize(Target target, Cookies cookies, String verifier) {
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("client_id", clientId);
        auth.put("redirect_uri", redirectUri);
        auth.put("response_type", "code");
        auth.put("scope", "openid");
        auth.put("state", randomToken(16));
        auth.put("nonce", randomToken(16));
        auth.put("code_challenge", s256(verifier));
        auth.put("code_challenge_method", "S256");
        auth.put("kc_idp_hint", target.alias());
        Hop page = follow(cookies, get(URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(auth))), "authorize");
        if (page.response.statusCode() != 200) {
            throw new LoginFailure("authorize", "HTTP " + page.response.statusCode() + " at " + page.response.uri());
        }
        return AuthnRequestForm.read(page.response.body());
    }

    private String token(String code, String verifier) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("code", code);
        grant.put("redirect_uri", redirectUri);
        grant.put("client_id", clientId);
        grant.put("code_verifier", verifier);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(grant))), null, "token");
        if (response.statusCode() != 200 || !response.body().contains("\"access_token\"") || !response.body().contains("\"id_token\"")) {
            throw new LoginFailure("token", "HTTP " + response.statusCode() + ": " + snippet(response.body()));
        }
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
    }

    private record Hop(HttpResponse<String> response, boolean sawFirstBrokerLogin) {
    }

    /** Sends {@code first}, then GETs every redirect inside Keycloak; stops at the app's redirect URI or a page. */
    private Hop follow(Cookies cookies, HttpRequest.Builder first, String step) {
        HttpResponse<String> response = send(first, cookies, step);
        boolean firstBrokerLogin = false;
        for (int hops = 0; isRedirect(response); hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            if (next.toString().startsWith(redirectUri)) {
                break;
            }
            if (hops == MAX_HOPS) {
                throw new LoginFailure(step, "more than " + MAX_HOPS + " redirects, last " + next);
            }
            firstBrokerLogin |= next.getPath().contains("/first-broker-login");
            response = send(get(next), cookies, step);
        }
        return new Hop(response, firstBrokerLogin);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Cookies cookies, String step) {
        if (cookies != null) {
            String header = cookies.header();
            if (!header.isEmpty()) {
                request.header("Cookie", header);
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (cookies != null) {
                cookies.store(response.headers().allValues("Set-Cookie"));
            }
            return response;
        } catch (IOException e) {
            throw new LoginFailure(step, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailure(step, "interrupted", e);
        }
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET();
    }

    private static HttpRequest.Builder post(URI uri, String formBody) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody));
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        int status = response.statusCode();
        return status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visible text of a page (head and tags removed), for error messages. */
    static String snippet(String body) {
        String text = body == null ? "" : body.replaceAll("(?is)<head.*?</head>|<script.*?</script>", " ")
                .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.substring(0, Math.min(400, text.length()));
    }
}
