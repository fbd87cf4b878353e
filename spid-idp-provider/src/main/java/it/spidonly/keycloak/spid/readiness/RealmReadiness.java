package it.spidonly.keycloak.spid.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.common.Profile;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.userprofile.UserProfileProvider;

import it.spidonly.keycloak.cie.broker.CieIdentityProviderFactory;
import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.firstlogin.SpidFirstLoginFlow;
import it.spidonly.keycloak.spid.keys.SpidCertificateProfile;
import it.spidonly.keycloak.spid.keys.SpidSigningKey;
import it.spidonly.keycloak.spid.realm.SpidUserProfile;
import it.spidonly.keycloak.spid.registry.RegistryImport;
import it.spidonly.keycloak.spid.registry.RegistryPage;
import it.spidonly.keycloak.spid.registry.RegistryStatus;
import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * What a realm still lacks, or has that is risky, for SPID logins: each a {@link Problem} whose key is a message of
 * the bundle (it/en) and the id tests assert on. Reads only; the same list for the REST endpoint and the SP page.
 */
public final class RealmReadiness {
    static final String THEME = "spid-only";
    static final String EIDAS_PREFIX = "eidas-";
    static final String EIDAS_FLOW = "eidas first broker login";

    private RealmReadiness() {
    }

    public static List<Problem> findings(KeycloakSession session, RealmModel realm) {
        return findings(session, realm, SpidServiceProviders.of(realm).orElse(null));
    }

    /** The findings with these SP settings (those being saved, or the stored ones; null: the realm has none). */
    public static List<Problem> findings(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig spSettings) {
        List<Problem> findings = new ArrayList<>();
        if (!Profile.isFeatureEnabled(Profile.Feature.DECLARATIVE_UI)) {
            findings.add(Problem.of("spidReadyDeclarativeUi"));
        }
        Optional<SpidServiceProviderConfig> sp = Optional.ofNullable(spSettings);
        if (sp.isEmpty()) {
            findings.add(Problem.of("spidReadyNoSp"));
        } else {
            signingKey(session, realm, sp.get()).ifPresent(findings::add);
        }
        if (!THEME.equals(realm.getLoginTheme())) {
            findings.add(Problem.of("spidReadyLoginTheme", realm.getLoginTheme() == null ? "-" : realm.getLoginTheme()));
        }
        if (!realm.isEventsEnabled()) {
            findings.add(Problem.of("spidReadyUserEvents"));
        }
        identityProviders(session, realm, findings);
        cie(session, realm, spSettings, findings);
        if (!registryRefreshed(session, realm)) {
            findings.add(Problem.of("spidReadyRegistry"));
        }
        List<String> profile = SpidUserProfile.missing(session.getProvider(UserProfileProvider.class).getConfiguration());
        if (!profile.isEmpty()) {
            findings.add(Problem.of("spidReadyUserProfile", String.join(", ", profile)));
        }
        return findings;
    }

    private static Optional<Problem> signingKey(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig sp) {
        Optional<Problem> unusable = SpidSigningKey.problem(session, realm, sp);
        if (unusable.isPresent()) {
            return unusable;
        }
        SpidSigningKey key = SpidSigningKey.resolve(session, realm, sp);
        List<String> gaps = SpidCertificateProfile.failures(key.certificate(), sp.spType().orElse(SpType.PUBLIC));
        return gaps.isEmpty() ? Optional.empty() : Optional.of(Problem.of("spidReadySigningKey", key.kid(), String.join(", ", gaps)));
    }

    private static void identityProviders(KeycloakSession session, RealmModel realm, List<Problem> findings) {
        String spidFlow = flowId(realm, SpidFirstLoginFlow.ALIAS);
        String eidasFlow = flowId(realm, EIDAS_FLOW);
        boolean anySpid = false;
        for (IdentityProviderModel idp : session.identityProviders().getAllStream().toList()) {
            String type = idp.getProviderId();
            if (CieIdentityProviderFactory.PROVIDER_ID.equals(type)) {
                if (spidFlow == null || !spidFlow.equals(idp.getFirstBrokerLoginFlowId())) {
                    findings.add(Problem.of("spidReadyForeignFlow", idp.getAlias(), SpidFirstLoginFlow.ALIAS));
                }
            } else if (SpidIdentityProviderFactory.PROVIDER_ID.equals(type)) {
                anySpid |= idp.isEnabled();
                if (spidFlow == null || !spidFlow.equals(idp.getFirstBrokerLoginFlowId())) {
                    findings.add(Problem.of("spidReadyForeignFlow", idp.getAlias(), SpidFirstLoginFlow.ALIAS));
                }
            } else if (type != null && type.startsWith(EIDAS_PREFIX)
                    && (eidasFlow == null || !eidasFlow.equals(idp.getFirstBrokerLoginFlowId()))) {
                findings.add(Problem.of("spidReadyForeignFlow", idp.getAlias(), EIDAS_FLOW));
            }
        }
        if (!anySpid) {
            findings.add(Problem.of("spidReadyNoIdp"));
        }
    }

    /** With an enabled CIE IdP, the CIE SP data the CIE metadata needs (issue 17). */
    private static void cie(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig sp, List<Problem> findings) {
        boolean anyCie = session.identityProviders().getAllStream()
                .anyMatch(idp -> idp.isEnabled() && CieIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()));
        if (!anyCie || sp == null) {
            return;
        }
        java.net.URI base = session.getContext().getUri() == null ? java.net.URI.create("https://localhost/")
                : session.getContext().getUri().getBaseUri();
        List<Problem> missing = CieServiceProvider.of(sp, base, realm.getName()).problems();
        if (!missing.isEmpty()) {
            findings.add(Problem.of("cieReadySpData", String.join(", ", missing.stream().map(Problem::key).toList())));
        }
    }

    private static String flowId(RealmModel realm, String alias) {
        AuthenticationFlowModel flow = realm.getFlowByAlias(alias);
        return flow == null ? null : flow.getId();
    }

    private static boolean registryRefreshed(KeycloakSession session, RealmModel realm) {
        boolean statusSaved = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> RegistryPage.PROVIDER_ID.equals(c.getProviderId()))
                .map(ComponentModel::getConfig)
                .map(RegistryStatus::of)
                .anyMatch(RegistryStatus::succeeded);
        return statusSaved || session.identityProviders().getAllStream()
                .anyMatch(idp -> "true".equals(idp.getConfig().get(RegistryImport.MANAGED)));
    }
}
