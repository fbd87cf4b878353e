package it.spidonly.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the app tells about how a person came, from the tokens' identity_provider and acr. */
class MinistryAppProtocolTest {

    @Test
    void howThePersonCame() {
        assertEquals("SPID (SAML)", MinistryApp.protocol("spid-demo-alfa", "https://www.spid.gov.it/SpidL2"));
        assertEquals("eIDAS tramite FICEP (SAML, profilo SPID)", MinistryApp.protocol("ficep", "http://eidas.europa.eu/LoA/substantial"));
        assertEquals("eIDAS, nodo nativo (SAML)", MinistryApp.protocol("eidas-es", "http://eidas.europa.eu/LoA/high"));
        assertEquals("credenziali Help Desk (password + TOTP)", MinistryApp.protocol("", "https://spid-only.example/acr/helpdesk"));
        assertEquals("password (account legacy cliclavoro)", MinistryApp.protocol("", "https://www.spid.gov.it/SpidL1"));
    }
}
