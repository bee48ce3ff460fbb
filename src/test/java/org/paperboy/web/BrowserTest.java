package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The newcomer's tour in headless Chromium: the daily page, a search, a paper, sign-in through the
 * link in the outbox, an upvote, and trending moving. No JavaScript is involved: the pages have
 * none. Screenshots land in target/screenshots/.
 */
@ExtendWith(Browser.Installed.class) // before the site starts: skips without loading the sample
class BrowserTest {
  @RegisterExtension static final Site site = Site.withSample();
  @TempDir static Path profile;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    base = "http://localhost:" + site.port(); // the host the mailed links name, so cookies match
    browser = Browser.start(profile);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
  }

  @Test
  void a_newcomer_reads_searches_signs_in_upvotes_and_sees_trending_move() {
    browser.get(base + "/");
    assertThat(browser.getTitle()).contains("Papers of");
    assertThat(browser.findElements(By.cssSelector("li.paper"))).hasSizeGreaterThan(3);
    Browser.screenshot(browser, "01-daily");

    WebElement box = browser.findElement(By.cssSelector("form.search input[name=q]"));
    box.sendKeys("multimodal large language models", Keys.ENTER);
    waitForTheNextPage(box); // Enter returns before the search page has arrived
    assertThat(browser.getCurrentUrl()).contains("/search?q=multimodal");
    List<WebElement> results = browser.findElements(By.cssSelector("li.paper h2 a"));
    assertThat(results).hasSizeGreaterThan(5);
    assertThat(
            browser.findElement(By.cssSelector("li.paper .abstract")).getDomProperty("innerHTML"))
        .contains("<mark>");
    Browser.screenshot(browser, "02-search");

    // The first result that is not trending yet, so that the upvote visibly puts it there.
    browser.get(base + "/trending?window=day");
    String trendingBefore = browser.findElement(By.tagName("main")).getText();
    browser.navigate().back();
    WebElement pick =
        browser.findElements(By.cssSelector("li.paper h2 a")).stream()
            .filter(a -> !trendingBefore.contains(a.getText()))
            .findFirst()
            .orElseThrow();
    String title = pick.getText();
    pick.click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    String paperUrl = browser.getCurrentUrl();
    assertThat(count()).isZero();
    Browser.screenshot(browser, "03-paper");

    browser
        .findElement(By.cssSelector(".votes a.vote"))
        .click(); // signed out: the arrow leads to sign-in
    assertThat(browser.getCurrentUrl()).contains("/login?next=");
    browser.findElement(By.id("email")).sendKeys("newcomer@example.org");
    Browser.screenshot(browser, "04-login");
    submitAndWaitForTheNextPage(By.cssSelector("form.login button"));
    assertThat(browser.findElement(By.cssSelector(".sent")).getText()).contains("on its way");

    browser.findElement(By.linkText("local outbox")).click();
    browser.findElement(By.partialLinkText("Your paperboy sign-in link")).click();
    Browser.screenshot(browser, "05-outbox");
    browser.findElement(By.cssSelector("pre.mail a")).click();
    browser.findElement(By.id("confirm")).click();

    arrivesAt(paperUrl);
    assertThat(browser.findElement(By.cssSelector(".who .email")).getText())
        .isEqualTo("newcomer@example.org");
    submitAndWaitForTheNextPage(By.cssSelector(".votes button.vote"));
    arrivesAt(paperUrl);
    assertThat(count()).isEqualTo(1);
    assertThat(
            browser
                .findElement(By.cssSelector(".votes button.vote"))
                .getDomAttribute("aria-pressed"))
        .isEqualTo("true");
    Browser.screenshot(browser, "06-upvoted");

    browser.get(base + "/trending?window=day");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(title);
    WebElement entry =
        browser.findElements(By.cssSelector("li.paper")).stream()
            .filter(li -> li.getText().contains(title))
            .findFirst()
            .orElseThrow();
    assertThat(entry.findElement(By.cssSelector("[data-votes]")).getText()).isEqualTo("1");
    Browser.screenshot(browser, "07-trending");

    // Taking the vote back takes the paper off the list again.
    browser.get(paperUrl);
    submitAndWaitForTheNextPage(By.cssSelector(".votes button.vote"));
    arrivesAt(paperUrl);
    assertThat(count()).isZero();
    browser.get(base + "/trending?window=day");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(title);
  }

  @Test
  void pages_fit_a_phone_screen_and_work_from_the_keyboard() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      browser.get(base + "/papers/week/2026-W24");
      Long overflow =
          (Long)
              browser.executeScript(
                  "return document.documentElement.scrollWidth -"
                      + " document.documentElement.clientWidth;");
      assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
      Browser.screenshot(browser, "08-week-phone");

      browser.get(base + "/");
      browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to the content");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void hostile_titles_stay_text_in_the_browser() {
    site.app()
        .ingest()
        .run(
            "hostile",
            sink ->
                sink.accept(
                    org.paperboy.paper.Paper.builder()
                        .id("2401.00002")
                        .title("<img src=x onerror=alert(1)> Evil")
                        .abstractText("<b>bold?</b>")
                        .authors(List.of("Mallory"))
                        .published(java.time.LocalDate.of(2020, 1, 6)),
                    1),
            n -> {});
    browser.get(base + "/papers/2401.00002");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("<img src=x onerror=alert(1)> Evil");
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("main b"))).isEmpty();
    browser.get(base + "/search?q=" + Site.enc("\"unclosed"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
    Browser.screenshot(browser, "09-bad-request");
  }

  /**
   * A form post and its redirect can still be under way when click() returns (it happened on a
   * loaded machine): wait for the page to arrive rather than read the address at once.
   */
  private static void arrivesAt(String url) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(url));
    assertThat(browser.getCurrentUrl()).isEqualTo(url);
  }

  /**
   * Clicks a form's button and waits until the page it was on is gone. A form that posts back to
   * the page it is on (vote, unvote) ends at the same address, so waiting for the address alone
   * would read the old page.
   */
  private static void submitAndWaitForTheNextPage(By button) {
    WebElement b = browser.findElement(button);
    b.click();
    waitForTheNextPage(b);
  }

  /** Waits until {@code onOldPage}, an element of the page being left, is gone. */
  private static void waitForTheNextPage(WebElement onOldPage) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(d -> isGone(onOldPage));
  }

  /**
   * Selenium's {@code stalenessOf}, plus Chromium's other answer for a node of a page being
   * replaced: asked mid-navigation, it may say "Node with given id does not belong to the document"
   * (an unknown error, not a stale element), which failed about one run in ten.
   */
  private static boolean isGone(WebElement e) {
    try {
      e.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
      return true;
    } catch (org.openqa.selenium.WebDriverException maybe) {
      if (String.valueOf(maybe.getMessage()).contains("does not belong to the document"))
        return true;
      throw maybe;
    }
  }

  private static int count() {
    return Integer.parseInt(
        browser.findElement(By.cssSelector(".paper-page [data-votes]")).getText());
  }
}
