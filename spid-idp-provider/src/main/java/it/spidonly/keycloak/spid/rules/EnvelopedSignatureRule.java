package it.spidonly.keycloak.spid.rules;

import java.util.List;

/**
 * SPID Regole tecniche, Response: the Response and the Assertion are each signed, and a signature covers the
 * element that is read. So: exactly one {@code ds:Signature} child of the element, with exactly one Reference
 * whose URI is {@code #} + the element's own ID, an ID no other element of the message carries, and no
 * {@code ds:Object} (XSW1–8 move the signed original to another element, an Object or a sibling and change the
 * element read). Error responses may come unsigned (spid.md, "Error responses"): there the rule only checks a
 * signature that is present.
 */
public final class EnvelopedSignatureRule implements Rule {
    private final Part part;
    private final boolean required;

    public EnvelopedSignatureRule(Part part, boolean required) {
        this.part = part;
        this.required = required;
    }

    @Override
    public String id() {
        return part.ruleId("signature");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        EnvelopedSignature signature = part.signature(response).orElse(null);
        if (signature == null || !signature.present()) {
            return require(!required);
        }
        String elementId = signature.signedElementId();
        List<EnvelopedSignature.Reference> references = signature.references();
        return require(signature.count() == 1 && elementId != null && !elementId.isBlank()
                && signature.signedElementIdUnique() && references.size() == 1
                && ("#" + elementId).equals(references.get(0).uri()) && !signature.hasObject());
    }
}
