package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (src/test/resources/axe, see its README) on each page in headless Chromium, with the
 * WCAG 2.0/2.1 A and AA rules (issue 14, "Pages"). The script goes in through WebDriver, which the
 * site's Content-Security-Policy ({@code default-src 'none'}: no scripts at all) does not govern in
 * Chromium; {@link #the_check_sees_a_violation_when_there_is_one} shows that it really runs.
 */
@ExtendWith(Browser.Installed.class) // before the site starts: skips without loading the sample
class AccessibilityTest {
  @RegisterExtension static final Site site = Site.withSample();
  @TempDir static Path profile;
  static ChromeDriver browser;
  static String base;
  static String axe;

  /** The rules WCAG 2.0 and 2.1 levels A and AA need; best-practice rules are left out. */
  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
        .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
            + v.nodes.map(n => n.target.join(' ')).join(', '))))
        .catch(e => done(['axe failed: ' + e]));
      """;

  @BeforeAll
  static void start() throws IOException {
    base = "http://localhost:" + site.port(); // the host the mailed links name, so cookies match
    try (InputStream in = AccessibilityTest.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    browser = Browser.start(profile);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/papers?date=2016-05-26",
        "/papers/week/2016-W21",
        "/papers/month/2016-05",
        "/trending?window=month",
        "/search?q=language",
        "/papers/1605.08386",
        "/login",
        "/subscribe"
      })
  void pages_have_no_wcag_a_or_aa_violations(String path) {
    browser.get(base + path);
    assertThat(violations()).as(path).isEmpty();
  }

  @Test
  void signed_in_pages_have_no_wcag_a_or_aa_violations() {
    browser.get(base + "/login");
    browser.findElement(By.id("email")).sendKeys("reader@example.org");
    browser.findElement(By.cssSelector("form.login button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sent")));
    assertThat(violations()).as("/login, mail sent").isEmpty();
    try {
      browser.get(site.newestLink());
    } catch (IOException e) {
      throw new AssertionError("no sign-in mail in the outbox", e);
    }
    assertThat(violations()).as("/login/verify").isEmpty();
    browser.findElement(By.id("confirm")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who .email")));
    for (String path : List.of("/", "/papers/1605.08386", "/saved", "/subscribe")) {
      browser.get(base + path);
      assertThat(browser.findElement(By.cssSelector(".who .email")).getText())
          .isEqualTo("reader@example.org");
      assertThat(violations()).as(path + " signed in").isEmpty();
    }
  }

  @Test
  void the_check_sees_a_violation_when_there_is_one() {
    browser.get(base + "/");
    browser.executeScript(
        "const i = document.createElement('img'); i.src = '/static/none.png';"
            + " document.querySelector('main').append(i);");
    assertThat(violations()).anySatisfy(v -> assertThat(v).startsWith("image-alt (critical)"));
  }

  /**
   * Lighthouse's SEO audit reads {@code /robots.txt} with a {@code fetch} in the page's own
   * context, which the Content-Security-Policy governs; with {@code default-src 'none'} and no
   * {@code connect-src} it failed ("Lighthouse was unable to download a robots.txt file", SEO 91;
   * see GoogleChrome/lighthouse#4386). Crawlers fetch it directly, so this is the one check that
   * needs it.
   */
  @Test
  void the_page_may_fetch_its_own_robots_txt_as_lighthouse_does() {
    browser.get(base + "/");
    Object text =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " fetch('/robots.txt').then(r => r.text()).then(done)"
                + ".catch(e => done('fetch failed: ' + e));");
    assertThat(text).asString().startsWith("User-agent: *");
  }

  /** Each violation as "id (impact): target, target". */
  @SuppressWarnings("unchecked")
  private static List<String> violations() {
    browser.executeScript(axe);
    return (List<String>) browser.executeAsyncScript(RUN);
  }
}
