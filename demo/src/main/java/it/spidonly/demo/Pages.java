package it.spidonly.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** HTML escaping, the demo pages' frame and uncached answers with the JDK HTTP server. */
final class Pages {
    private Pages() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A page; {@code body} is trusted HTML. */
    static String frame(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font-family: "Titillium Web", system-ui, sans-serif; margin: 0; color: #1a1a1a; }
                header { background: #0066cc; color: #fff; padding: .8rem 1.5rem; }
                header small { display: block; opacity: .85; }
                main { max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
                a.button, button { display: inline-block; background: #0066cc; color: #fff; border: 0; border-radius: 4px;
                  padding: .6rem 1.2rem; margin: .3rem .5rem .3rem 0; font-size: 1rem; text-decoration: none; cursor: pointer; }
                a.button.secondary { background: #fff; color: #0066cc; border: 2px solid #0066cc; }
                table { border-collapse: collapse; margin: 1rem 0; width: 100%%; }
                th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; font-size: .95rem; }
                th { background: #f2f6fa; width: 14rem; } pre { white-space: pre-wrap; background: #f6f6f6; padding: .8rem; }
                .how { font-size: 1.1rem; background: #e8f1fa; padding: .8rem 1rem; border-left: 4px solid #0066cc; }
                [role=alert] { color: #a00; font-weight: 600; }
                </style></head>
                <body>%s</body></html>
                """.formatted(escape(title), body);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }
}
