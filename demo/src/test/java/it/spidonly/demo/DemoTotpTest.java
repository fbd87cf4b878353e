package it.spidonly.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The mail catcher's TOTP helper gives the codes of RFC 6238's test vectors (SHA-1, 6 digits). */
class DemoTotpTest {
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"

    @Test
    void rfc6238Vectors() {
        assertEquals("287082", DemoTotp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", DemoTotp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", DemoTotp.code(RFC_SECRET.toLowerCase(), Instant.ofEpochSecond(1111111111)));
    }

    @Test
    void notBase32IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DemoTotp.code("not base32!", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> DemoTotp.code("", Instant.EPOCH));
    }
}
