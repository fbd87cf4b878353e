package it.spidonly.keycloak.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.keycloak.saml.SAMLRequestParser;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;
import org.keycloak.saml.processing.web.util.PostBindingUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;

import it.spidonly.keycloak.spid.rules.MessageGate;
import it.spidonly.keycloak.spid.rules.ResponseMessage;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/**
 * Issue 19, item 1: what the shared ACS does with a Response before the rules and Keycloak's handling, per Response.
 * {@code parseOnce}: this build's path (decode: base64, DOCTYPE scan, the streamed depth/element limits, secure
 * parse, the view; then Keycloak's typed reading streamed from the same bytes; {@code parseOnceTypedFromDom}: the
 * same with the typed reading made from the DOM, which Keycloak serialises to text first). {@code parseThreeTimes}: the issue 11
 * path, rebuilt from the same library calls (the ACS decoded and viewed it, the endpoint ran the gate and decoded
 * and viewed it again, each view on a copy of the document, then Keycloak decoded and parsed the bytes a third
 * time), so both are measured in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AcsParseBenchmark {
    private String base64;

    @Setup
    public void setUp() {
        base64 = RuleChainBenchmark.validResponse(2048);
    }

    /** The ACS today: decode, checks, one DOM parse and the view; Keycloak's typed reading from the same bytes. */
    @Benchmark
    public Object parseOnce() throws Exception {
        ResponseMessage message = ResponseMessage.decode(base64);
        return SAMLParser.getInstance().parse(message.xml());
    }

    /** The first "parse once" (issue 19, stop 16): the typed reading from the DOM, which Keycloak serialises first. */
    @Benchmark
    public Object parseOnceTypedFromDom() throws Exception {
        ResponseMessage message = ResponseMessage.decode(base64);
        return SAMLParser.getInstance().parse(message.document());
    }

    @Benchmark
    public Object parseThreeTimes() throws Exception {
        ResponseMessage atAcs = ResponseMessage.decode(base64);
        SpidResponse.of((Document) atAcs.document().cloneNode(true));
        MessageGate.post(null, base64);
        ResponseMessage atEndpoint = ResponseMessage.decode(base64);
        SpidResponse.of((Document) atEndpoint.document().cloneNode(true));
        return SAMLRequestParser.parseResponseDocument(PostBindingUtil.base64Decode(base64)).getSamlObject();
    }
}
