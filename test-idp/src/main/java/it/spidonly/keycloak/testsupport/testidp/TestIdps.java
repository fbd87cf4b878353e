package it.spidonly.keycloak.testsupport.testidp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.spidonly.keycloak.testsupport.eidasnode.EidasNodeServer;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test identity providers of the demo and of an admin's pre-production check, running together: several SPID
 * IdPs (different entityIDs, ports and names, so the login page's random order and chooser mean something), FICEP
 * (the SPID test IdP in FICEP mode, EU citizens) and an eIDAS node ({@link EidasNodeServer}), each with its own
 * metadata and login page. Started by {@link TestIdpMain} ({@code java -jar test-idp.jar}) or in-process by the demo.
 */
public final class TestIdps implements AutoCloseable {
    /** The SPID IdPs' names, in port order. */
    public static final List<String> SPID_NAMES = List.of("Demo SPID Alfa", "Demo SPID Beta", "Demo SPID Gamma",
            "Demo SPID Delta", "Demo SPID Epsilon", "Demo SPID Zeta", "Demo SPID Eta", "Demo SPID Theta", "Demo SPID Iota");

    /**
     * One running IdP: {@code kind} is {@code spid}, {@code ficep} or {@code eidas-node}; {@code alias} the alias
     * the demo realm gives it.
     */
    public record Served(String kind, String alias, String name, String baseUrl, String entityId, String metadataUrl,
                         String ssoUrl, String sloUrl, String signingCertificate, List<Map<String, String>> persons) {
    }

    private final List<SpidTestIdp> spid = new ArrayList<>();
    private final List<EidasNodeServer> nodes = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();

    private TestIdps() {
    }

    /** Starts what {@code options} asks for; on failure stops what had started. */
    public static TestIdps start(TestIdpOptions options) {
        if (options.cie() && options.spidCount() == 0) {
            throw new IllegalArgumentException("--cie needs at least one SPID IdP (the CIE mode runs on its server, under /cie)");
        }
        TestIdps idps = new TestIdps();
        try {
            int port = options.firstPort();
            List<TestUser> citizens = options.spidUsers() == null ? TestUser.demoUsers() : read(options);
            for (int i = 0; i < options.spidCount(); i++) {
                SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(next(port, i))
                        .spMetadataUrl(options.spMetadataUrl()).users(citizens).build());
                idps.spid.add(idp);
                String name = SPID_NAMES.get(i);
                idps.served.add(new Served("spid", "spid-demo-" + name.substring(name.lastIndexOf(' ') + 1).toLowerCase(), name,
                        idp.baseUrl(), idp.entityId(), idp.metadataUrl(), idp.ssoUrl(), idp.sloUrl(), idp.signingCertificateBase64(),
                        persons(citizens)));
            }
            if (options.cie()) {
                // the first SPID IdP's CIE mode (issue-cie): its own metadata, login page and citizens under /cie
                SpidTestIdp first = idps.spid.get(0);
                idps.served.add(new Served("cie", "cie", "CIE (Carta d'Identità Elettronica)", first.baseUrl() + "/cie",
                        first.cieEntityId(), first.cieMetadataUrl(), first.cieSsoUrl(), null, first.signingCertificateBase64(),
                        persons(TestUser.cieDemoUsers())));
            }
            int offset = options.spidCount();
            if (options.ficep()) {
                SpidTestIdp ficep = SpidTestIdp.start(SpidTestIdpSettings.builder().port(next(port, offset++))
                        .spMetadataUrl(options.spMetadataUrl()).ficep().build());
                idps.spid.add(ficep);
                idps.served.add(new Served("ficep", "ficep", "eIDAS (FICEP): EU citizens", ficep.baseUrl(), ficep.entityId(),
                        ficep.metadataUrl(), ficep.ssoUrl(), ficep.sloUrl(), ficep.signingCertificateBase64(),
                        persons(TestUser.eidasDemoUsers())));
            }
            if (options.eidasNodeSpMetadataUrl() != null) {
                EidasNodeServer node = EidasNodeServer.start(next(port, offset), options.eidasNodeCountry(),
                        options.eidasNodeSpMetadataUrl(), EidasNodeServer.demoUsers(), SigningCredential.demo());
                idps.nodes.add(node);
                idps.served.add(new Served("eidas-node", "eidas-" + countryCode(options.eidasNodeCountry()),
                        options.eidasNodeCountry() + " (eIDAS node)", node.baseUrl(), node.entityId(), node.metadataUrl(),
                        node.ssoUrl(), null, node.signingCertificateBase64(), persons(node.users())));
            }
            if (options.stateFile() != null) {
                Files.writeString(options.stateFile(), idps.json());
            }
            return idps;
        } catch (IOException e) {
            idps.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            idps.close();
            throw e;
        }
    }

    private static int next(int firstPort, int index) {
        return firstPort == 0 ? 0 : firstPort + index;
    }

    private static String countryCode(String country) {
        return switch (country.toLowerCase()) {
            case "spain", "españa", "spagna" -> "es";
            case "austria" -> "at";
            case "germany" -> "de";
            case "greece" -> "gr";
            default -> country.toLowerCase().replaceAll("[^a-z]", "");
        };
    }

    private static List<TestUser> read(TestIdpOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(options.spidUsers())) {
            return TestUser.loadJson(in);
        }
    }

    private static List<Map<String, String>> persons(List<TestUser> users) {
        List<Map<String, String>> persons = new ArrayList<>();
        for (TestUser user : users) {
            Map<String, String> person = new LinkedHashMap<>();
            person.put("username", user.username());
            person.put("password", user.password());
            person.put("level", String.valueOf(user.spidLevel()));
            person.put("name", user.attribute("name") + " " + user.attribute("familyName"));
            person.put("id", user.attribute("fiscalNumber") != null ? user.attribute("fiscalNumber") : user.attribute("spidCode"));
            persons.add(person);
        }
        return persons;
    }

    /** What runs, in start order. */
    public List<Served> served() {
        return List.copyOf(served);
    }

    /** The running IdPs of {@code kind}. */
    public List<Served> served(String kind) {
        return served.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    /** {@link #served()} as JSON (the {@code --state-file}). */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("idps", served));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        spid.forEach(SpidTestIdp::close);
        nodes.forEach(EidasNodeServer::close);
    }
}
