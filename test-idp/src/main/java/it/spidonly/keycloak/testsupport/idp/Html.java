package it.spidonly.keycloak.testsupport.idp;

/** HTML escaping for text and attribute values, and the shared page frame of the test IdP. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A complete page titled "SPID test IdP"; {@code body} is trusted HTML. */
    static String page(String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>SPID test IdP</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { font-size: 1rem; padding: .4rem; width: 100%%; max-width: 20rem; }
                button { font-size: 1rem; padding: .5rem 1.2rem; margin: 1rem .5rem 0 0; }
                [role=alert] { color: #a00; font-weight: 600; }
                table { border-collapse: collapse; margin-top: 2rem; }
                th, td { border: 1px solid #999; padding: .3rem .6rem; text-align: left; }
                </style>
                </head>
                <body>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(body);
    }
}
