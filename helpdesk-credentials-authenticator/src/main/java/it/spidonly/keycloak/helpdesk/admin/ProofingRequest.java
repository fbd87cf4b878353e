package it.spidonly.keycloak.helpdesk.admin;

import java.util.List;

import it.spidonly.keycloak.helpdesk.proofing.ProofingInput;

/** {@code POST /admin/realms/{realm}/helpdesk/records}: a proofing as the operator recorded it (see openapi.yaml). */
public class ProofingRequest {
    public String documentType;
    public String documentNumber;
    public String issuingState;
    public String issueDate;
    public String expiryDate;
    public String surname;
    public String givenNames;
    public String birthDate;
    public String sex;
    public String nationality;
    public List<String> mrz;
    public String email;
    public Boolean emailVerified;
    public String phone;
    public Boolean noEuEidStatement;
    public String faceComparison;
    public String evidenceRef;
    public String locale;

    ProofingInput toInput() {
        return new ProofingInput(documentType, documentNumber, issuingState, issueDate, expiryDate, surname, givenNames,
                birthDate, sex, nationality, mrz, email, emailVerified, phone, noEuEidStatement, faceComparison, evidenceRef, locale);
    }
}
