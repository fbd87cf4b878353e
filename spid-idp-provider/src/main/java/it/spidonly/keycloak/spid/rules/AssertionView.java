package it.spidonly.keycloak.spid.rules;

import java.util.List;
import java.util.Optional;

/** The Assertion of a {@link SpidResponse}, as the rules read it (see there for absent and empty values). */
public final class AssertionView {

    /** {@code saml:NameID}: trimmed text, {@code Format}, {@code NameQualifier}. */
    public record NameId(String value, String format, String nameQualifier) {
    }

    /** {@code saml:SubjectConfirmationData}. */
    public record ConfirmationData(String recipient, String inResponseTo, String notOnOrAfter) {
    }

    /** {@code saml:SubjectConfirmation}: its {@code Method} and data. */
    public record SubjectConfirmation(String method, Optional<ConfirmationData> data) {
    }

    /** {@code saml:Subject}. */
    public record Subject(Optional<NameId> nameId, List<SubjectConfirmation> confirmations) {
        public Subject {
            confirmations = List.copyOf(confirmations);
        }
    }

    /** {@code saml:Conditions}: NotBefore, NotOnOrAfter and the Audience texts of each AudienceRestriction. */
    public record Conditions(String notBefore, String notOnOrAfter, List<List<String>> audienceRestrictions) {
        public Conditions {
            audienceRestrictions = audienceRestrictions.stream().map(List::copyOf).toList();
        }
    }

    /** {@code saml:AuthnStatement}: whether it has an AuthnContext, and its AuthnContextClassRef text. */
    public record AuthnStatement(boolean hasContext, String classRef) {
    }

    /** {@code saml:Attribute}: {@code Name}, {@code NameFormat} and the text of its first AttributeValue. */
    /** @param valueCount how many {@code AttributeValue} elements the attribute has (SPID: exactly one) */
    public record Attribute(String name, String nameFormat, String firstValue, int valueCount) {
    }

    private final SpidResponse.Header header;
    private final EnvelopedSignature signature;
    private final Optional<Subject> subject;
    private final Optional<Conditions> conditions;
    private final List<AuthnStatement> authnStatements;
    private final List<List<Attribute>> attributeStatements;

    AssertionView(SpidResponse.Header header, EnvelopedSignature signature, Optional<Subject> subject,
                  Optional<Conditions> conditions, List<AuthnStatement> authnStatements,
                  List<List<Attribute>> attributeStatements) {
        this.header = header;
        this.signature = signature;
        this.subject = subject;
        this.conditions = conditions;
        this.authnStatements = List.copyOf(authnStatements);
        this.attributeStatements = attributeStatements.stream().map(List::copyOf).toList();
    }

    public SpidResponse.Header header() {
        return header;
    }

    public EnvelopedSignature signature() {
        return signature;
    }

    public Optional<Subject> subject() {
        return subject;
    }

    public Optional<Conditions> conditions() {
        return conditions;
    }

    public List<AuthnStatement> authnStatements() {
        return authnStatements;
    }

    /** The Attribute elements of each AttributeStatement, in document order. */
    public List<List<Attribute>> attributeStatements() {
        return attributeStatements;
    }

    /** Every attribute of every AttributeStatement. */
    public List<Attribute> attributes() {
        return attributeStatements.stream().flatMap(List::stream).toList();
    }
}
