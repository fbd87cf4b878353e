package it.spidonly.keycloak.testsupport.idp;

import org.w3c.dom.Element;

/**
 * Small DOM changes as {@link ResponseMutation}s, made before signing unless wrapped in {@link #afterSigning} or
 * {@link #betweenSignatures}: {@code ResponseEdits.removeAttribute(Where.response(), "Destination")}.
 */
public final class ResponseEdits {

    private ResponseEdits() {
    }

    public static ResponseMutation setAttribute(Where where, String name, String value) {
        return response -> where.apply(response).setAttribute(name, value);
    }

    public static ResponseMutation removeAttribute(Where where, String name) {
        return response -> where.apply(response).removeAttribute(name);
    }

    public static ResponseMutation setText(Where where, String text) {
        return response -> where.apply(response).setTextContent(text);
    }

    public static ResponseMutation remove(Where where) {
        return response -> {
            Element element = where.apply(response);
            element.getParentNode().removeChild(element);
        };
    }

    /** The same change, made once the Response is signed (it breaks the signatures over it). */
    public static ResponseMutation afterSigning(ResponseMutation change) {
        return ResponseMutation.onceSigned(change::beforeSigning);
    }

    /** The same change, made once the Assertion is signed and before the Response is. */
    public static ResponseMutation betweenSignatures(ResponseMutation change) {
        return ResponseMutation.betweenSignatures(change::beforeSigning);
    }
}
