package it.spidonly.keycloak.bench.jmh;

import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import it.spidonly.keycloak.spid.rules.ResponseMessage;
import it.spidonly.keycloak.spid.rules.SpidResponse;

/**
 * Issue 19, item 3: one Response's two signatures (Response and Assertion) checked with the IdP key.
 * {@code inPlace}: this build ({@code EnvelopedSignature.verifiesWith}: the message's own DOM, the ID registered in
 * the validation context only). {@code onCopies}: the issue 11 way rebuilt with the same JSR 105 calls (a deep copy
 * of the document per verification, the ID registered on the copy's element), for the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureCheckBenchmark {
    @Param({"2048"})
    public int idpKeyBits;

    private SpidResponse view;
    private Document document;
    private List<PublicKey> keys;

    @Setup
    public void setUp() {
        RuleChainBenchmark chain = new RuleChainBenchmark();
        chain.idpKeyBits = idpKeyBits;
        chain.setUp();
        ResponseMessage message = ResponseMessage.decode(chain.base64());
        view = message.view();
        document = message.document();
        keys = chain.context().idpKeys();
        if (!inPlace() || !onCopies()) {
            throw new IllegalStateException("the baseline's signatures must verify both ways");
        }
    }

    @Benchmark
    public boolean inPlace() {
        return view.signature().verifiesWith(keys) && view.assertion().orElseThrow().signature().verifiesWith(keys);
    }

    @Benchmark
    public boolean onCopies() {
        Element root = document.getDocumentElement();
        Element assertion = firstChild(root, "Assertion");
        return onCopy(List.of(), keys.get(0)) && onCopy(List.of(indexOf(root, assertion)), keys.get(0));
    }

    private boolean onCopy(List<Integer> path, PublicKey key) {
        try {
            Document copy = (Document) document.cloneNode(true);
            Element signed = copy.getDocumentElement();
            for (int index : path) {
                signed = (Element) elementChildren(signed).get(index);
            }
            signed.setIdAttributeNS(null, "ID", true);
            Element signature = firstChild(signed, "Signature");
            DOMValidateContext context = new DOMValidateContext(key, signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            return xmlSignature.validate(context);
        } catch (Exception e) {
            return false;
        }
    }

    private static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no " + localName);
    }

    private static List<Node> elementChildren(Element parent) {
        List<Node> children = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                children.add(n);
            }
        }
        return children;
    }

    private static int indexOf(Element parent, Element child) {
        return elementChildren(parent).indexOf(child);
    }
}
