package it.spidonly.keycloak.testsupport.browser;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 6265 cookie storage that, like a browser, treats loopback as a secure origin: {@code Secure}
 * cookies are sent back to {@code http://127.0.0.1} and {@code http://localhost}. Keycloak 26 marks its
 * session cookies {@code Secure} even on plain http, and {@link java.net.CookieManager} would drop them.
 */
final class CookieJar {

    private record Cookie(String name, String value, String domain, boolean hostOnly, String path,
                          boolean secure, Instant expires) {

        boolean expired(Instant now) {
            return expires != null && !expires.isAfter(now);
        }

        boolean sameSlot(Cookie other) {
            return name.equals(other.name) && domain.equals(other.domain) && path.equals(other.path);
        }
    }

    private final List<Cookie> cookies = new ArrayList<>();

    synchronized void store(URI from, List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            Cookie cookie = parse(from, header);
            if (cookie != null) {
                cookies.removeIf(cookie::sameSlot);
                if (!cookie.expired(Instant.now())) {
                    cookies.add(cookie);
                }
            }
        }
    }

    /** Name to value of the cookies to send to {@code to}, longest path first. */
    synchronized Map<String, String> matching(URI to) {
        Instant now = Instant.now();
        cookies.removeIf(c -> c.expired(now));
        String host = host(to);
        boolean secureOrigin = "https".equalsIgnoreCase(to.getScheme()) || isLoopback(host);
        Map<String, String> result = new LinkedHashMap<>();
        cookies.stream()
                .filter(c -> c.hostOnly ? host.equals(c.domain) : domainMatches(host, c.domain))
                .filter(c -> pathMatches(requestPath(to), c.path))
                .filter(c -> !c.secure || secureOrigin)
                .sorted(Comparator.comparingInt((Cookie c) -> c.path.length()).reversed())
                .forEach(c -> result.putIfAbsent(c.name, c.value));
        return result;
    }

    synchronized void clear() {
        cookies.clear();
    }

    private static Cookie parse(URI from, String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String host = host(from);
        String domain = host;
        boolean hostOnly = true;
        String path = defaultPath(from);
        boolean secure = false;
        Instant expires = null;
        Instant maxAgeExpiry = null;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int aeq = attribute.indexOf('=');
            String key = (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            String val = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
            switch (key) {
                case "domain" -> {
                    String d = val.startsWith(".") ? val.substring(1) : val;
                    if (!d.isEmpty()) {
                        domain = d.toLowerCase(Locale.ROOT);
                        hostOnly = false;
                    }
                }
                case "path" -> path = val.startsWith("/") ? val : defaultPath(from);
                case "secure" -> secure = true;
                case "max-age" -> maxAgeExpiry = maxAge(val);
                case "expires" -> expires = httpDate(val);
                default -> {
                    // HttpOnly and SameSite do not change what an HTTP client sends
                }
            }
        }
        if (!hostOnly && !domainMatches(host, domain)) {
            return null;
        }
        return new Cookie(name, value, domain, hostOnly, path, secure, maxAgeExpiry != null ? maxAgeExpiry : expires);
    }

    private static Instant maxAge(String seconds) {
        try {
            long s = Long.parseLong(seconds);
            return s <= 0 ? Instant.EPOCH : Instant.now().plusSeconds(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant httpDate(String date) {
        try {
            return ZonedDateTime.parse(date.replace('-', ' '), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (host.endsWith("." + domain) && !Character.isDigit(host.charAt(host.length() - 1)));
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        return requestPath.equals(cookiePath) || (requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/'));
    }

    private static String defaultPath(URI uri) {
        String path = requestPath(uri);
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String requestPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
