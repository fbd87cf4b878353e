package it.spidonly.keycloak.cutover.legacy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.forms.login.MessageType;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.fiscal.FiscalCode;
import it.spidonly.keycloak.cutover.settings.CutoverDates;
import it.spidonly.keycloak.cutover.settings.CutoverPhase;
import it.spidonly.keycloak.cutover.settings.CutoverSettings;
import it.spidonly.keycloak.cutover.settings.Cutovers;

/**
 * The cutover as one legacy login page sees it: its phase now, the attributes and message every legacy page
 * carries, and the refusal (event, then the page or JSON answer). Shared by every authenticator of this module
 * that accepts a legacy credential; holds nothing but values of one request (and that request's session).
 */
public final class LegacyCutover {
    private final CutoverSettings settings;
    private final CutoverPhase phase;
    private final Locale locale;
    private final KeycloakSession session;
    private final RealmModel realm;
    private Boolean offersCie;

    private LegacyCutover(CutoverSettings settings, CutoverPhase phase, Locale locale, KeycloakSession session, RealmModel realm) {
        this.settings = settings;
        this.phase = phase;
        this.locale = locale;
        this.session = session;
        this.realm = realm;
    }

    /** The realm's cutover if it has one that is switched on; empty means legacy logins as in stock Keycloak. */
    public static Optional<LegacyCutover> of(KeycloakSession session, RealmModel realm) {
        return Cutovers.of(realm).filter(CutoverSettings::enabled)
                .map(s -> new LegacyCutover(s, s.phaseAt(Cutovers.now()), locale(session), session, realm));
    }

    /** Whether the realm has an enabled CIE identity provider (SAML or OIDC): then the texts say "SPID or CIE". */
    private static boolean offersCie(KeycloakSession session) {
        return session.identityProviders().getAllStream()
                .anyMatch(idp -> idp.isEnabled() && idp.getProviderId() != null && idp.getProviderId().startsWith(CutoverContract.CIE_PROVIDER_PREFIX));
    }

    /**
     * {@code key}, or its variant naming CIE beside SPID ({@code key + "Cie"}) when the realm offers CIE. An admin's
     * own text wins: a realm override of {@code key} in the page's language, with none of the variant, is what the
     * admin wants said, CIE or not (Realm settings, Localization, Realm overrides). Asked only when a text is needed.
     */
    public String text(String key) {
        if (offersCie == null) {
            offersCie = offersCie(session);
        }
        if (!offersCie) {
            return key;
        }
        String variant = key + CutoverContract.CIE_SUFFIX;
        Map<String, String> overrides = realm.getRealmLocalizationTextsByLocale(locale.toLanguageTag());
        return overrides != null && overrides.containsKey(key) && !overrides.containsKey(variant) ? key : variant;
    }

    private static Locale locale(KeycloakSession session) {
        var authSession = session.getContext().getAuthenticationSession();
        return session.getContext().resolveLocale(authSession == null ? null : authSession.getAuthenticatedUser());
    }

    public static Optional<LegacyCutover> of(AuthenticationFlowContext context) {
        return of(context.getSession(), context.getRealm());
    }

    /** True from the instant on: the caller must refuse, without checking the credential. */
    public boolean passed() {
        return phase.refusesLegacyCredentials();
    }

    public String displayDate() {
        return CutoverDates.display(settings, locale);
    }

    /**
     * A cutover an admin switched off: only {@code cutoverPassed = false}, no date, so a theme shows the legacy form
     * again, without a notice. A realm with no cutover at all gets no attributes.
     */
    public static LoginFormsProvider legacyAllowed(KeycloakSession session, RealmModel realm, LoginFormsProvider form) {
        return Cutovers.of(realm).isPresent() ? form.setAttribute(CutoverContract.ATTR_PASSED, false) : form;
    }

    /** The three attributes of the theme contract ({@link CutoverContract}). */
    public LoginFormsProvider decorate(LoginFormsProvider form) {
        return form.setAttribute(CutoverContract.ATTR_INSTANT, settings.isoInstant())
                .setAttribute(CutoverContract.ATTR_DATE, displayDate())
                .setAttribute(CutoverContract.ATTR_PASSED, passed());
    }

    /**
     * A legacy page shown before anything is submitted: the attributes, and the date as a message that any theme
     * shows (before: an info notice; after: a warning that the way in is now SPID, eIDAS or the help desk).
     */
    public LoginFormsProvider announce(LoginFormsProvider form) {
        decorate(form);
        return passed()
                ? form.setMessage(MessageType.WARNING, text(CutoverContract.MSG_REFUSED), messageParameters(form))
                : form.setInfo(text(CutoverContract.MSG_NOTICE), messageParameters(form));
    }

    /** Records the refusal as an event of the flow (LOGIN_ERROR, RESET_PASSWORD_ERROR...) with error {@code cutover_refused}. */
    public void recordRefusal(AuthenticationFlowContext context, String credentialType, String attemptedUsername) {
        if (context.getUser() != null) {
            context.getEvent().user(context.getUser());
        }
        recordRefusal(context.getEvent(), credentialType, attemptedUsername);
    }

    /** As {@link #recordRefusal(AuthenticationFlowContext, String, String)}, on any event of the request (e.g. REGISTER). */
    public void recordRefusal(EventBuilder event, String credentialType, String attemptedUsername) {
        refusalDetails(event, credentialType, attemptedUsername).error(CutoverContract.EVENT_ERROR);
    }

    /** The refusal's details on {@code event}, for a caller that sends the error itself (form actions). */
    public EventBuilder refusalDetails(EventBuilder event, String credentialType, String attemptedUsername) {
        if (attemptedUsername != null && !attemptedUsername.isBlank()) {
            // Keycloak's event log writes error events above debug: a fiscal code typed as username is masked
            event.detail(Details.USERNAME, FiscalCode.forLogs(attemptedUsername));
        }
        return event.detail(Details.CREDENTIAL_TYPE, credentialType)
                .detail(CutoverContract.EVENT_DETAIL_INSTANT, settings.isoInstant());
    }

    /**
     * Refuses a submitted legacy form: the event, then {@code page} rendered with the attributes and the
     * {@code cutoverRefused} error, answered with 403. Not counted as a failed login (nothing was checked).
     */
    public void refuseForm(AuthenticationFlowContext context, String credentialType, String attemptedUsername,
                           Function<LoginFormsProvider, Response> page) {
        recordRefusal(context, credentialType, attemptedUsername);
        showRefusal(context, page);
    }

    /**
     * The page of {@link #refuseForm} without recording the event: for a form whose password check the cutover's
     * password credential provider has already refused and recorded ({@code cutover_refused}), e.g. the help desk's
     * form for an ordinary account. 403, not counted as a failed login.
     */
    public void showRefusal(AuthenticationFlowContext context, Function<LoginFormsProvider, Response> page) {
        LoginFormsProvider form = decorate(context.form())
                .setExecution(context.getExecution().getId())
                .setError(text(CutoverContract.MSG_REFUSED), messageParameters(context.form()))
                .setStatus(Response.Status.FORBIDDEN);
        context.forceChallenge(page.apply(form));
    }

    /**
     * For a legacy form's {@code action}: from the instant, refuses the submission (except "cancel") with
     * {@link #refuseForm} and answers true; otherwise false, and the caller goes on as Keycloak would.
     */
    public static boolean refusedSubmission(AuthenticationFlowContext context, String credentialType, String attemptedUsername,
                                            Function<LoginFormsProvider, Response> page) {
        Optional<LegacyCutover> cutover = of(context).filter(LegacyCutover::passed);
        if (cutover.isEmpty() || context.getHttpRequest().getDecodedFormParameters().containsKey("cancel")) {
            return false;
        }
        cutover.get().refuseForm(context, credentialType, attemptedUsername, page);
        return true;
    }

    /** Refuses on Keycloak's error page (flows without a form of their own, e.g. the password reset). */
    public void refuseWithErrorPage(AuthenticationFlowContext context, String credentialType) {
        recordRefusal(context, credentialType, null);
        Response page = decorate(context.form())
                .setError(text(CutoverContract.MSG_REFUSED), messageParameters(context.form()))
                .createErrorPage(Response.Status.FORBIDDEN);
        context.forceChallenge(page);
    }

    /** The refusal's text in the request's language, for answers that are not pages (the password grant). */
    public String refusalText(AuthenticationFlowContext context) {
        LoginFormsProvider form = context.form();
        return form.getMessage(text(CutoverContract.MSG_REFUSED), messageParameters(form));
    }

    /**
     * The parameters of {@code cutoverNotice} and {@code cutoverRefused}: the date, then the realm's names of the
     * legacy credentials and of the help desk in the page's language (realm overrides, else the bundle's texts).
     */
    public Object[] messageParameters(LoginFormsProvider form) {
        Object[] parameters = new Object[1 + CutoverContract.NAME_KEYS.size()];
        parameters[0] = displayDate();
        for (int i = 0; i < CutoverContract.NAME_KEYS.size(); i++) {
            parameters[i + 1] = form.getMessage(CutoverContract.NAME_KEYS.get(i));
        }
        return parameters;
    }
}
