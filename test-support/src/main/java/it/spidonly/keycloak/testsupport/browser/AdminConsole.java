package it.spidonly.keycloak.testsupport.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keycloak's admin console in {@link Chromium}, logged in as the test server's bootstrap admin: what tests of the
 * bundle's admin pages (UiPageProvider forms in the realm sidebar) need.
 */
public final class AdminConsole {
    public static final Duration WAIT = Duration.ofSeconds(90);
    private static final By TOAST = By.cssSelector("[data-testid=global-alerts] .pf-v5-c-alert");

    private final Chromium chromium;

    private AdminConsole(Chromium chromium) {
        this.chromium = chromium;
    }

    /** Opens the console of {@code realm} at {@code baseUrl} (the server root) and logs in as admin/admin. */
    public static AdminConsole open(Chromium chromium, String baseUrl, String realm) {
        chromium.windowSize(Chromium.DESKTOP).open(baseUrl + "/admin/master/console/#/" + realm);
        chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        chromium.driver().findElement(By.id("password")).sendKeys("admin");
        chromium.driver().findElement(By.id("kc-login")).click();
        return new AdminConsole(chromium);
    }

    /** Clicks the realm sidebar's entry of an extension page (its provider id), then the list item named {@code item}. */
    public AdminConsole openItem(String pageProviderId, String item) {
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href*='page-section/" + pageProviderId + "']"))).click();
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.linkText(item))).click();
        return this;
    }

    /** A setting of the page, by name (the console tags each field with it), scrolled into view. */
    public WebElement field(String name) {
        WebElement field = chromium.await(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='" + name + "']")));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        return field;
    }

    /** Clicks Save and returns the toast the console shows in answer (earlier toasts are removed first). */
    public WebElement save() {
        chromium.driver().executeScript("document.querySelectorAll('[data-testid=global-alerts] li').forEach(e => e.remove());");
        WebElement save = chromium.driver().findElement(By.cssSelector("[data-testid=save]"));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        return chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(TOAST));
    }

    public static void replaceText(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }
}
