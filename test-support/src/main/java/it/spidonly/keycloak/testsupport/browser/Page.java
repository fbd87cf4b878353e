package it.spidonly.keycloak.testsupport.browser;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One HTTP response as {@link HttpBrowser} saw it. */
public final class Page {

    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private Document document;

    Page(URI uri, int status, HttpHeaders headers, String body) {
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** The URL that answered. */
    public String url() {
        return uri.toString();
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String body() {
        return body;
    }

    /** The body parsed as HTML, with the page URL as base, so {@code absUrl} and form actions resolve. */
    public Document document() {
        if (document == null) {
            document = Jsoup.parse(body, url());
        }
        return document;
    }

    public String title() {
        return document().title();
    }

    /** A 3xx with a {@code Location}. */
    public boolean isRedirect() {
        return status / 100 == 3 && headers.firstValue("Location").isPresent();
    }

    /** The absolute {@code Location} of a redirect, or {@code null}. */
    public String location() {
        return headers.firstValue("Location").map(l -> uri.resolve(URI.create(l)).toString()).orElse(null);
    }

    /** The first element that matches {@code cssSelector}; fails with the page's URL and title if none does. */
    public Element element(String cssSelector) {
        Element element = document().selectFirst(cssSelector);
        if (element == null) {
            throw new AssertionError("No " + cssSelector + " on " + this);
        }
        return element;
    }

    @Override
    public String toString() {
        return status + " " + uri + (isRedirect() ? " -> " + location() : " \"" + title() + "\"");
    }
}
