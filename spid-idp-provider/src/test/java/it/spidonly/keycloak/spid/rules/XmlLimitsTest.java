package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streaming pre-scan: one baseline within the limits, then one thing changed per case. */
class XmlLimitsTest {
    private static final String BASELINE = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\">"
            + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status></samlp:Response>";

    static String nested(int depth) {
        return "<r>" + "<a>".repeat(depth - 1) + "</a>".repeat(depth - 1) + "</r>";
    }

    static String wide(int elements) {
        return "<r>" + "<a/>".repeat(elements - 1) + "</r>";
    }

    private static Optional<String> scan(String xml) {
        return XmlLimits.failedRuleId(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSmallResponseIsWithinTheLimits() {
        assertEquals(Optional.empty(), scan(BASELINE));
        assertEquals(Optional.empty(), scan(nested(XmlLimits.MAX_DEPTH)));
        assertEquals(Optional.empty(), scan(wide(XmlLimits.MAX_ELEMENTS)));
        assertEquals(Optional.empty(), scan("<r a=\"&lt;&amp;\">&amp;&#233;<![CDATA[x]]><!-- c --></r>"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one level too deep        | DEPTH",
            "5000 levels               | DEPTH",
            "one element too many      | ELEMENTS",
            "12000 empty elements      | ELEMENTS",
            "a DOCTYPE                 | DOCTYPE",
            "an undeclared entity      | DOCTYPE",
            "not well-formed           | XML",
            "no element at all         | XML"})
    void refused(String what, String rule) {
        String xml = switch (what.trim()) {
            case "one level too deep" -> nested(XmlLimits.MAX_DEPTH + 1);
            case "5000 levels" -> nested(5000);
            case "one element too many" -> wide(XmlLimits.MAX_ELEMENTS + 1);
            case "12000 empty elements" -> wide(12000);
            case "a DOCTYPE" -> "<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>";
            case "an undeclared entity" -> "<r>&x;</r>";
            case "not well-formed" -> "<r><a></r>";
            case "no element at all" -> "   ";
            default -> throw new IllegalArgumentException(what);
        };
        String expected = switch (rule.trim()) {
            case "DEPTH" -> XmlLimits.DEPTH;
            case "ELEMENTS" -> XmlLimits.ELEMENTS;
            case "DOCTYPE" -> ResponseMessage.DOCTYPE;
            default -> ResponseMessage.XML;
        };
        assertEquals(Optional.of(expected), scan(xml));
    }

    @Test
    void theGateDecodesBothBindingsBeforeScanning() throws Exception {
        String deep = nested(3000);
        assertEquals(Optional.empty(), MessageGate.post(null, post(BASELINE)));
        assertEquals(Optional.of(XmlLimits.DEPTH), MessageGate.post(post(deep), null));
        assertEquals(Optional.of(XmlLimits.ELEMENTS), MessageGate.post(null, post(wide(5000))));
        assertEquals(Optional.of(ResponseMessage.XML), MessageGate.post("%%% not base64"));
        assertEquals(Optional.empty(), MessageGate.redirect(128 * 1024, redirect(BASELINE)));
        assertEquals(Optional.of(XmlLimits.DEPTH), MessageGate.redirect(128 * 1024, redirect(deep)));
        assertEquals(Optional.of(ResponseMessage.SIZE), MessageGate.redirect(1024, redirect(wide(5000))));
        assertEquals(Optional.of(ResponseMessage.XML), MessageGate.redirect(1024, post(BASELINE)));
    }

    @Test
    void theAcsDecoderAppliesTheLimitsToo() {
        assertEquals(Optional.of(XmlLimits.DEPTH), ResponseMessage.decode(post(nested(5000))).failedRuleId());
        assertEquals(Optional.of(XmlLimits.ELEMENTS), ResponseMessage.decode(post(wide(8000))).failedRuleId());
    }

    static String post(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String redirect(String xml) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
