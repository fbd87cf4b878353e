package it.spidonly.keycloak.it.spid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's {@code xmlsec1 --verify}: an independent check of our XML signatures. */
public final class Xmlsec1 {
    private Xmlsec1() {
    }

    /** Returns xmlsec1's output; it contains "OK" and exit code 0 when the signature verifies with {@code certPem}. */
    public static Result verify(String xml, String certPem, String idAttributeNode) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("xmlsec1");
        Path doc = Files.writeString(dir.resolve("doc.xml"), xml, StandardCharsets.UTF_8);
        Path cert = Files.writeString(dir.resolve("cert.pem"), certPem, StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder("xmlsec1", "--verify", "--id-attr:ID", idAttributeNode,
                "--pubkey-cert-pem", cert.toString(), doc.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out);
    }

    public record Result(int exitCode, String output) {
        public boolean verified() {
            return exitCode == 0 && output.contains("OK") && output.contains("SignedInfo References (ok/all): 1/1");
        }
    }
}
