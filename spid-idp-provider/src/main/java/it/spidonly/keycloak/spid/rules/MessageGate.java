package it.spidonly.keycloak.spid.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The first thing every SPID and eIDAS endpoint does with a {@code SAMLRequest} or {@code SAMLResponse}, before
 * anything parses it: decode it as its binding sends it (HTTP-POST: base64; HTTP-Redirect: base64 of raw DEFLATE,
 * SAML Bindings 3.4.4.1, inflated up to a cap) and run the streaming {@link XmlLimits} pre-scan on the bytes.
 * A message that is absent passes (the endpoint decides what an absent message means).
 */
public final class MessageGate {
    private MessageGate() {
    }

    /** HTTP-POST: the id of the rule the first failing message breaks, or empty. */
    public static Optional<String> post(String... base64Messages) {
        for (String message : base64Messages) {
            if (message == null) {
                continue;
            }
            Optional<String> failed = decodeBase64(message).map(XmlLimits::failedRuleId).orElse(Optional.of(ResponseMessage.XML));
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    /** HTTP-Redirect: as {@link #post}, the messages being deflated; more than {@code maxInflatedBytes} is {@link ResponseMessage#SIZE}. */
    public static Optional<String> redirect(long maxInflatedBytes, String... base64Messages) {
        for (String message : base64Messages) {
            if (message == null) {
                continue;
            }
            Optional<byte[]> deflated = decodeBase64(message);
            if (deflated.isEmpty()) {
                return Optional.of(ResponseMessage.XML);
            }
            byte[] xml;
            try {
                xml = inflate(deflated.get(), maxInflatedBytes);
            } catch (IOException e) {
                return Optional.of(ResponseMessage.XML);
            }
            if (xml == null) {
                return Optional.of(ResponseMessage.SIZE);
            }
            Optional<String> failed = XmlLimits.failedRuleId(xml);
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> decodeBase64(String message) {
        try {
            return Optional.of(Base64.getMimeDecoder().decode(message.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The inflated bytes, or null when they exceed {@code cap}. */
    private static byte[] inflate(byte[] deflated, long cap) throws IOException {
        Inflater inflater = new Inflater(true);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > cap) {
                    return null;
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
