package it.spidonly.keycloak.oidcfed.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin's trust-anchor text: lines or a JSON list, presets, and what is refused (message key). */
class TrustAnchorListTest {
    private static final String JWKS = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}";

    @Test
    void linesGiveEntityIdAndPinnedKeys() {
        List<TrustAnchor> anchors = TrustAnchorList.parse("# CIE\nhttps://ta.example " + JWKS + "\n\nhttps://other.example " + JWKS, List.of());
        assertEquals(List.of("https://ta.example", "https://other.example"), anchors.stream().map(TrustAnchor::entityId).toList());
        assertTrue(anchors.get(0).pinned());
    }

    @Test
    void aJsonListGivesTheSame() {
        List<TrustAnchor> anchors = TrustAnchorList.parse("[{\"entity_id\":\"https://ta.example\",\"jwks\":" + JWKS + "}]", List.of());
        assertEquals("https://ta.example", anchors.get(0).entityId());
        assertTrue(anchors.get(0).pinned());
    }

    @Test
    void aPresetIsAnEntityIdWithoutKeysUntilALinePinsThem() {
        List<TrustAnchor> unpinned = TrustAnchorList.parse("", List.of("cie-preproduction"));
        assertEquals(KnownTrustAnchors.CIE_PREPRODUCTION, unpinned.get(0).entityId());
        assertFalse(unpinned.get(0).pinned());
        List<TrustAnchor> pinned = TrustAnchorList.parse(KnownTrustAnchors.CIE_PREPRODUCTION + " " + JWKS, List.of("cie-preproduction"));
        assertEquals(1, pinned.size());
        assertTrue(pinned.get(0).pinned());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ftp://ta.example                                                   | oidcfedTrustAnchorsEntityId",
            "https://ta.example {not json                                       | oidcfedTrustAnchorsSyntax",
            "https://ta.example {\"keys\":[]}                                    | oidcfedTrustAnchorsJwks",
            "https://ta.example {\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\"}]}     | oidcfedTrustAnchorsJwks",
            "https://ta.example {\"keys\":[{\"kid\":\"k\",\"kty\":\"RSA\",\"d\":\"x\"}]} | oidcfedTrustAnchorsJwks",
            "[{\"entity_id\":\"https://ta.example\",\"jwks\":{\"keys\":\"x\"}}]  | oidcfedTrustAnchorsJwks",
    })
    void badTextIsRefusedWithItsMessageKey(String text, String key) {
        assertEquals(key, assertThrows(IllegalArgumentException.class, () -> TrustAnchorList.parse(text, List.of())).getMessage());
    }

    @Test
    void tooLongTextIsRefused() {
        assertEquals("oidcfedTrustAnchorsTooLong", assertThrows(IllegalArgumentException.class,
                () -> TrustAnchorList.parse("x".repeat(TrustAnchorList.MAX_CHARS + 1), List.of())).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"https://rp.example/oidc, true", "http://127.0.0.1:8080/x, true", "http://rp.example, false",
            "https://rp.example/?a=b, false", "not a url, false"})
    void entityIdsAreHttpsUrls(String url, boolean ok) {
        assertEquals(ok, RelyingPartyPage.webUrl(url));
    }
}
