package it.spidonly.keycloak.spid.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.sp.Problem;

/** What the admin typed on the "Add SPID identity provider" page, trimmed, and what is wrong with it. */
record SpidIdpForm(String alias, String displayName, String metadataUrl, String metadataXml, String level) {
    private static final Pattern ALIAS_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    SpidIdpForm(ComponentModel model) {
        this(value(model, SpidIdpPageProperties.ALIAS), value(model, SpidIdpPageProperties.DISPLAY_NAME),
                value(model, SpidIdpPageProperties.METADATA_URL), value(model, SpidIdpPageProperties.METADATA_XML),
                value(model, SpidIdpPageProperties.LEVEL));
    }

    private static String value(ComponentModel model, String key) {
        String v = model.getConfig().getFirst(key);
        return v == null ? "" : v.trim();
    }

    boolean hasMetadata() {
        return !metadataUrl.isEmpty() || !metadataXml.isEmpty();
    }

    List<Problem> problems(KeycloakSession session, RealmModel realm, String componentId) {
        List<Problem> problems = new ArrayList<>();
        if (alias.isEmpty()) {
            return List.of(Problem.of("spidIdpAliasRequired"));
        }
        if (!ALIAS_PATTERN.matcher(alias).matches()) {
            return List.of(Problem.of("spidIdpAliasInvalid", alias));
        }
        IdentityProviderModel existing = session.identityProviders().getByAlias(alias);
        if (existing != null && !SpidIdentityProviderFactory.PROVIDER_ID.equals(existing.getProviderId())) {
            problems.add(Problem.of("spidIdpAliasTaken", alias, existing.getProviderId()));
        }
        if (otherItemWithAlias(realm, componentId)) {
            problems.add(Problem.of("spidIdpAliasTaken", alias, SpidIdpPage.PROVIDER_ID));
        }
        if (!metadataUrl.isEmpty() && !metadataXml.isEmpty()) {
            problems.add(Problem.of("spidIdpMetadataOneSource"));
        } else if (!hasMetadata() && existing == null) {
            problems.add(Problem.of("spidIdpMetadataRequired"));
        }
        if (!metadataUrl.isEmpty() && !(metadataUrl.startsWith("https://") || metadataUrl.startsWith("http://"))) {
            problems.add(Problem.of("spidIdpMetadataUrlInvalid", metadataUrl));
        }
        if (!level.isEmpty() && !List.of("1", "2", "3").contains(level)) {
            problems.add(Problem.of("spidIdpLevelInvalid", level));
        }
        return problems;
    }

    private boolean otherItemWithAlias(RealmModel realm, String componentId) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> SpidIdpPage.PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> !Objects.equals(c.getId(), componentId))
                .anyMatch(c -> alias.equals(value(c, SpidIdpPageProperties.ALIAS)));
    }
}
