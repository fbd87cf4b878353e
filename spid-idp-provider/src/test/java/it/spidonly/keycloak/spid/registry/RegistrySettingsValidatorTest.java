package it.spidonly.keycloak.spid.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;

class RegistrySettingsValidatorTest {
    @TempDir
    Path dir;
    private RegistryOptions options;

    @BeforeEach
    void registryDirectory() throws IOException {
        Files.writeString(dir.resolve("registry.xml"), "<x/>");
        Files.writeString(dir.getParent().resolve("outside-" + dir.getFileName() + ".xml"), "<x/>");
        options = new RegistryOptions(dir, 60);
    }

    @ParameterizedTest(name = "{0} / trusted {1} / {2} min -> {3}")
    @CsvSource(nullValues = "none", value = {
            "bundled, false, 360, none",
            "https://registry.spid.gov.it/metadata/idp/spid-entities-idps.xml, false, 360, none",
            "http://127.0.0.1:8190/registry.xml, false, 1, none",
            "file:registry.xml, true, 0, none",
            "file:registry.xml, false, 360, none",
            "file:missing.xml, false, 360, spidRegistryFileMissing",
            "file:../outside.xml, false, 360, spidRegistryFileNotAllowed",
            "file:/etc/passwd, false, 360, spidRegistryFileNotAllowed",
            "ftp://registry.example/x.xml, false, 360, spidRegistrySourceInvalid",
            "https://, false, 360, spidRegistrySourceInvalid",
            "https://registry.spid.gov.it/x.xml, true, 360, spidRegistryTrustedNeedsFile",
            "bundled, false, -5, spidRegistryIntervalInvalid",
            "bundled, false, 10081, spidRegistryIntervalInvalid",
            "bundled, false, six hours, spidRegistryIntervalInvalid"})
    void eachWrongSettingIsNamed(String source, boolean trusted, String minutes, String expected) {
        RegistrySettings settings = new RegistrySettings(source, "", trusted, RegistrySettings.interval(minutes));
        List<String> keys = RegistrySettingsValidator.problems(settings, options).stream().map(Problem::key).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), keys);
    }

    @ParameterizedTest
    @CsvSource({"true, ''", "false, spidRegistryCertificateInvalid"})
    void theCertificateMustBeReadablePem(boolean valid, String expected) {
        String pem = valid ? SigningCredential.generate("registry").certificatePem() : "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----";
        List<String> keys = RegistrySettingsValidator.problems(new RegistrySettings("bundled", pem, false, 360), options)
                .stream().map(Problem::key).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), keys);
    }
}
