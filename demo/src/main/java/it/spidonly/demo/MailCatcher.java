package it.spidonly.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's mail catcher: GreenMail's SMTP server on loopback (Keycloak's realm SMTP points there) and a small page
 * listing what it received, newest first, with the links clickable ({@code GET /}; {@code GET /latest.txt} is the
 * newest message's text, for scripts and the walkthrough test). Nothing leaves the machine.
 */
final class MailCatcher implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail smtp;
    private final HttpServer web;

    record Mail(String to, String subject, String text) {
    }

    private MailCatcher(int smtpPort, int webPort) throws IOException {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        web = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), webPort), 0);
        web.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/latest.txt")) {
                    List<Mail> mails = mails();
                    Pages.send(exchange, 200, "text/plain; charset=utf-8", mails.isEmpty() ? "" : mails.get(0).text());
                } else if (path.equals("/totp")) {
                    String query = exchange.getRequestURI().getRawQuery();
                    String secret = query != null && query.startsWith("secret=")
                            ? java.net.URLDecoder.decode(query.substring(7), java.nio.charset.StandardCharsets.UTF_8) : "";
                    String answer;
                    try {
                        answer = "<p>Codice TOTP attuale / current code: <strong id=\"totp-code\">"
                                + DemoTotp.code(secret, java.time.Instant.now()) + "</strong></p>";
                    } catch (IllegalArgumentException e) {
                        answer = "<p role=\"alert\">" + Pages.escape(e.getMessage()) + "</p>";
                    }
                    Pages.send(exchange, 200, "text/html; charset=utf-8", Pages.frame("TOTP", answer + "<p><a href=\"/\">Back</a></p>"));
                } else if (path.equals("/")) {
                    Pages.send(exchange, 200, "text/html; charset=utf-8", page());
                } else {
                    Pages.send(exchange, 404, "text/plain; charset=utf-8", "not found");
                }
            }
        });
        web.start();
    }

    static MailCatcher start(int smtpPort, int webPort) {
        try {
            return new MailCatcher(smtpPort, webPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the mail catcher", e);
        }
    }

    int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/";
    }

    /** What arrived, newest first. */
    List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String to = String.join(", ", List.of(message.getRecipients(Message.RecipientType.TO)).stream().map(Object::toString).toList());
                mails.add(0, new Mail(to, message.getSubject(), text(message)));
            } catch (Exception e) {
                mails.add(0, new Mail("?", "(unreadable message)", String.valueOf(e.getMessage())));
            }
        }
        return mails;
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (text != null && body.isMimeType("text/plain")) {
                    return text;
                }
                if (text != null && html == null) {
                    html = text;
                }
            }
            return html;
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("<[^>]+>", " ");
        }
        return null;
    }

    private String page() {
        StringBuilder body = new StringBuilder("<h1>Mail catcher</h1><p>Every e-mail Keycloak sends in the demo lands here (SMTP 127.0.0.1:")
                .append(smtpPort()).append("). Newest first. <a href=\"/\">Reload</a></p>");
        body.append("<form action=\"/totp\" method=\"get\"><label>Demo authenticator: the secret Keycloak shows when you enrol "
                + "(\"Unable to scan?\") <input name=\"secret\" id=\"totp-secret\" autocomplete=\"off\"></label> "
                + "<button type=\"submit\" id=\"totp-submit\">Current code</button></form>");
        List<Mail> mails = mails();
        if (mails.isEmpty()) {
            body.append("<p id=\"empty\">No e-mail yet.</p>");
        }
        for (Mail mail : mails) {
            body.append("<article class=\"mail\"><h2>").append(Pages.escape(mail.subject())).append("</h2><p>To: ")
                    .append(Pages.escape(mail.to())).append("</p><pre>").append(linkify(mail.text())).append("</pre></article>");
        }
        return Pages.frame("Mail catcher", body.toString());
    }

    private static String linkify(String text) {
        String escaped = Pages.escape(text == null ? "" : text);
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
