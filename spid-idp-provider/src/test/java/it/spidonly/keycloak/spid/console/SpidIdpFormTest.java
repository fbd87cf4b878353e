package it.spidonly.keycloak.spid.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.component.ComponentModel;

import it.spidonly.keycloak.spid.sp.Problem;

class SpidIdpFormTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|spidIdpAliasRequired",
            "'   '|spidIdpAliasRequired",
            "has space|spidIdpAliasInvalid",
            "-starts-with-dash|spidIdpAliasInvalid",
            "<script>|spidIdpAliasInvalid",
            "a/b|spidIdpAliasInvalid"})
    void anAliasThatCannotBeAnIdpAliasIsRefusedFirst(String alias, String key) {
        ComponentModel model = new ComponentModel();
        model.getConfig().putSingle(SpidIdpPageProperties.ALIAS, alias);
        model.getConfig().putSingle(SpidIdpPageProperties.METADATA_URL, "https://idp.example/metadata");
        List<Problem> problems = new SpidIdpForm(model).problems(null, null, null);
        assertEquals(key, problems.get(0).key());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' spid-poste '|spid-poste",
            "spid.poste_1|spid.poste_1"})
    void valuesAreTrimmed(String typed, String alias) {
        ComponentModel model = new ComponentModel();
        model.getConfig().putSingle(SpidIdpPageProperties.ALIAS, typed);
        assertEquals(alias, new SpidIdpForm(model).alias());
        assertEquals("", new SpidIdpForm(model).metadataXml(), "a missing field is empty, never null");
    }
}
