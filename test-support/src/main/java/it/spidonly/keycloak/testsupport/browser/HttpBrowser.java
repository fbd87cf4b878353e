package it.spidonly.keycloak.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * A headless "browser" for HTTP-level login flows: cookies, redirects and HTML forms, no JavaScript.
 *
 * <p>Redirects are followed by this class, not by {@link HttpClient}, so that every hop is recorded in
 * {@link #history()} and so that a redirect to a URL registered with {@link #stopAt(String)} (typically a
 * relying party's {@code redirect_uri} that no server answers) is returned as the 3xx {@link Page}
 * instead of fetched: read the target with {@link Page#location()}. 301/302/303 continue with GET,
 * 307/308 repeat the method and body. Cookies follow RFC 6265, except that {@code Secure} cookies are
 * also sent to http loopback addresses (see {@link CookieJar}). Not thread-safe: one per test.
 */
public final class HttpBrowser {

    private static final int MAX_REDIRECTS = 30;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final CookieJar cookies = new CookieJar();
    private final List<String> history = new ArrayList<>();
    private final List<String> stopPrefixes = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of(
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) spid-only-http-browser",
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language", "en"));
    private boolean followRedirects = true;

    /** Redirects to URLs starting with {@code urlPrefix} are returned, not fetched. */
    public HttpBrowser stopAt(String urlPrefix) {
        stopPrefixes.add(urlPrefix);
        return this;
    }

    /** Off: every call returns the first response, and {@link #follow(Page)} takes one step at a time. */
    public HttpBrowser followRedirects(boolean follow) {
        this.followRedirects = follow;
        return this;
    }

    /** A header sent with every request, e.g. {@code Accept-Language: it}. */
    public HttpBrowser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Page get(String url) {
        return navigate("GET", URI.create(url), null);
    }

    /** POSTs {@code fields} as {@code application/x-www-form-urlencoded}. */
    public Page postForm(String url, Map<String, String> fields) {
        return navigate("POST", URI.create(url), FormData.urlEncoded(new ArrayList<>(fields.entrySet())));
    }

    /** Submits {@code form} (from a {@link Page#document()}) as it stands. */
    public Page submit(Element form) {
        return submit(form, Map.of());
    }

    /**
     * Submits {@code form} with all its inputs, {@code overrides} replacing or adding fields. The action
     * is resolved against the page URL (no action: the page itself); method GET or POST. If
     * {@code overrides} names a submit button, that is the button "clicked".
     */
    public Page submit(Element form, Map<String, String> overrides) {
        String action = form.attr("action").isBlank() ? form.ownerDocument().location() : form.absUrl("action");
        String body = FormData.urlEncoded(FormData.entries(form, overrides));
        if ("post".equals(form.attr("method").toLowerCase(Locale.ROOT))) {
            return navigate("POST", URI.create(action), body);
        }
        String withoutQuery = action.replaceFirst("[?#].*$", "");
        return navigate("GET", URI.create(body.isEmpty() ? withoutQuery : withoutQuery + "?" + body), null);
    }

    /** GETs the {@code Location} of a redirect page, even one stopped by {@link #stopAt}, then goes on as usual. */
    public Page follow(Page redirect) {
        if (!redirect.isRedirect()) {
            throw new IllegalArgumentException("Not a redirect: " + redirect);
        }
        return navigate("GET", URI.create(redirect.location()), null);
    }

    /** Every URL fetched so far, in order. */
    public List<String> history() {
        return List.copyOf(history);
    }

    /** Name to value of the cookies this browser would send to {@code url}. */
    public Map<String, String> cookiesFor(String url) {
        return cookies.matching(URI.create(url));
    }

    public void clearCookies() {
        cookies.clear();
    }

    private Page navigate(String method, URI uri, String formBody) {
        Page page = fetch(method, uri, formBody);
        for (int hops = 0; followRedirects && page.isRedirect(); hops++) {
            String next = page.location();
            if (stopPrefixes.stream().anyMatch(next::startsWith)) {
                return page;
            }
            if (hops == MAX_REDIRECTS) {
                throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects: " + history);
            }
            boolean sameMethod = page.status() == 307 || page.status() == 308;
            page = sameMethod ? fetch(method, URI.create(next), formBody) : fetch("GET", URI.create(next), null);
        }
        return page;
    }

    private Page fetch(String method, URI uri, String formBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        String cookieHeader = cookies.matching(uri).entrySet().stream()
                .map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        if (formBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", FORM).method(method, HttpRequest.BodyPublishers.ofString(formBody));
        }
        history.add(uri.toString());
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            cookies.store(uri, response.headers().allValues("Set-Cookie"));
            return new Page(uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + uri, e);
        }
    }
}
