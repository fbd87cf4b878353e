package it.spidonly.demo;

import it.spidonly.keycloak.testsupport.testidp.TestIdps;
import java.util.Map;
import java.util.stream.Collectors;

/** What bin/demo prints once the demo is up: one line per path, with the demo credentials. */
final class DemoGuide {
    private DemoGuide() {
    }

    static String text(Demo demo, long readySeconds) {
        String spidIdps = demo.idps().stream().filter(i -> i.kind().equals("spid")).map(TestIdps.Served::name)
                .collect(Collectors.joining(", "));
        String idpLines = demo.idps().stream().map(i -> "                         %-30s %s".formatted(i.name(), i.metadataUrl()))
                .collect(Collectors.joining("\n"));
        Map<String, String> v = Map.of("app", demo.appUrl(), "kc", demo.keycloakUrl(), "admin", demo.adminConsoleUrl(),
                "mail", demo.mailUrl(), "hd", demo.helpdeskConsoleUrl(), "realm", demo.realmUrl());
        return """

                == Ready in %d s

                  The ministry app "Dimissioni volontarie": %s   → "Accedi", then one of these paths:
                  SPID L2            "Entra con SPID" → any of %s → mario.rossi / password123 (back with acr SpidL2)
                  SPID L3 (step-up)  logged in as giulia.bianchi / password123, press "Passa al livello 3" (acr SpidL3)
                  SPID L1 refused    giuseppe.russo / password123: level 1 only, the ministry asks for 2 → error page
                  CIE                the CIE entry → the CIE test IdP → mario.rossi / password123 (the same account as with SPID)
                  EU citizen (FICEP) "Login with eIDAS" → EU citizens (eIDAS via FICEP) → elena.garcia (ES) or nikos.papadopoulos (GR) / password123
                  EU citizen (node)  "Login with eIDAS" → Spain (eIDAS node) → carmen.ruiz (substantial) or jordi.puig (high) / password123
                  Legacy cliclavoro  "Accedi" → %s / %s in the login page's form: works before the cutover;
                                     bin/demo cutover now   (or admin console → spid-cutover) moves it,
                                     then the same password is refused; "bin/demo cutover later" moves it back
                  Help desk          operators %s and %s / %s at %s
                                     (first login: enrol an authenticator app, e.g. FreeOTP; the page shows the secret)
                                     A records the proofing (a non-EU passport), B approves → the activation e-mail arrives
                                     in the mail catcher %s → the user enters username + code in the Help Desk
                                     form, sets a password, enrols TOTP and is logged in
                  Logout             "Esci" in the app: Keycloak, then the SPID IdP (single logout)

                  Admin console      %s   (admin / admin): sidebar spid-service-provider, spid-registry,
                                     spid-cutover, Help desk; Identity providers (3 SPID, FICEP, eIDAS node)
                  Account console    %s/account
                  SP metadata        %s/spid/metadata
                  Test IdPs          (their login pages list the demo persons)
                %s
                  Logs               demo-data/keycloak/keycloak.log

                  Ctrl-C stops everything.
                """.formatted(readySeconds, v.get("app"), spidIdps,
                DemoRealmSetup.LEGACY_USER, DemoRealmSetup.LEGACY_PASSWORD,
                DemoRealmSetup.OPERATOR_A, DemoRealmSetup.OPERATOR_B, DemoRealmSetup.OPERATOR_PASSWORD, v.get("hd"), v.get("mail"),
                v.get("admin"), v.get("realm"), v.get("realm"), idpLines);
    }
}
