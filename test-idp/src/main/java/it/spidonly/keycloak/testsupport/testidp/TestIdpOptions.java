package it.spidonly.keycloak.testsupport.testidp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runnable test IdP serves: {@code spidCount} SPID IdPs, optionally a FICEP stand-in and an eIDAS node,
 * on consecutive ports from {@code firstPort} (0: each on a free port). {@code cie} is the slot of the CIE IdP
 * (the first SPID IdP's CIE mode, issue-cie).
 */
public record TestIdpOptions(int firstPort, int spidCount, String spMetadataUrl, boolean ficep, String eidasNodeSpMetadataUrl,
                             String eidasNodeCountry, boolean cie, Path spidUsers, Path stateFile) {

    public static final String USAGE = """
            Usage: java -jar test-idp.jar [options]
              --sp-metadata URL          the SPID SP metadata (Keycloak: /realms/REALM/spid/metadata); FICEP uses it too
              --port N                   first port (default 8190; 0 = free ports); IdPs take N, N+1, ...
              --spid N                   how many SPID IdPs (default 3: "Demo SPID Alfa", "Beta", "Gamma")
              --users FILE.json          the SPID IdPs' citizens (default: spid-test-idp/demo-users.json)
              --ficep                    also FICEP, Italy's eIDAS connector (EU citizens of ES, GR, DE; LoA substantial/high)
              --eidas-node URL           also an eIDAS node for the SP whose eIDAS metadata is at URL
                                         (Keycloak: /realms/REALM/broker/ALIAS/endpoint/descriptor)
              --eidas-node-country NAME  the node's country (default Spain)
              --cie                      also the CIE IdP (the first SPID IdP's CIE mode, under /cie; CIE citizens)
              --state-file FILE          write what runs (URLs, entityIDs, certificates) as JSON
              --help                     this text
            Everything listens on 127.0.0.1. Demo key and demo persons are public test material: never trust them.
            """;

    public TestIdpOptions {
        if (spidCount < 0 || spidCount > 9) {
            throw new IllegalArgumentException("--spid takes 0 to 9");
        }
        if (firstPort < 0 || firstPort > 65535 - 12) {
            throw new IllegalArgumentException("Bad --port " + firstPort);
        }
    }

    /** Defaults: port 8190, three SPID IdPs, nothing else. */
    public static TestIdpOptions defaults() {
        return new TestIdpOptions(8190, 3, null, false, null, "Spain", false, null, null);
    }

    /** Parses the command line; throws IllegalArgumentException with the reason. Returns null for --help. */
    public static TestIdpOptions parse(String... args) {
        TestIdpOptions o = defaults();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--ficep" -> o = o.with(null, null, true, null, null, null, null, null);
                case "--cie" -> o = new TestIdpOptions(o.firstPort, o.spidCount, o.spMetadataUrl, o.ficep,
                        o.eidasNodeSpMetadataUrl, o.eidasNodeCountry, true, o.spidUsers, o.stateFile);
                default -> {
                    if (i + 1 >= list.size()) {
                        throw new IllegalArgumentException("Missing value for " + option);
                    }
                    String value = list.get(++i);
                    o = switch (option) {
                        case "--port" -> o.with(number(option, value), null, null, null, null, null, null, null);
                        case "--spid" -> o.with(null, number(option, value), null, null, null, null, null, null);
                        case "--sp-metadata" -> o.with(null, null, null, value, null, null, null, null);
                        case "--eidas-node" -> o.with(null, null, null, null, value, null, null, null);
                        case "--eidas-node-country" -> o.with(null, null, null, null, null, value, null, null);
                        case "--users" -> o.with(null, null, null, null, null, null, Path.of(value), null);
                        case "--state-file" -> o.with(null, null, null, null, null, null, null, Path.of(value));
                        default -> throw new IllegalArgumentException("Unknown option " + option);
                    };
                }
            }
        }
        return o;
    }

    /** A copy with the non-null values changed. */
    public TestIdpOptions with(Integer port, Integer spid, Boolean withFicep, String spMetadata, String eidasNode,
                               String country, Path users, Path state) {
        return new TestIdpOptions(port != null ? port : firstPort, spid != null ? spid : spidCount,
                spMetadata != null ? spMetadata : spMetadataUrl, withFicep != null ? withFicep : ficep,
                eidasNode != null ? eidasNode : eidasNodeSpMetadataUrl, country != null ? country : eidasNodeCountry,
                cie, users != null ? users : spidUsers, state != null ? state : stateFile);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value);
        }
    }
}
