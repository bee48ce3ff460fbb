package org.paperboy.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by chromedriver, both from Debian packages ({@code apt-get install
 * chromium chromium-driver}); nothing is downloaded. {@code CHROME_BIN} and {@code CHROMEDRIVER}
 * point elsewhere when needed. {@link #missing()} says why the browser tests must skip, and {@link
 * Installed} skips them, loudly.
 */
final class Browser {
  static final Path CHROME =
      Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  /** Null when both are there, else what is missing and how to install it. */
  static String missing() {
    if (!Files.isExecutable(CHROME) || !Files.isExecutable(DRIVER)) {
      return "browser tests skipped: "
          + CHROME
          + " or "
          + DRIVER
          + " is missing"
          + " (apt-get install -y chromium chromium-driver, or set CHROME_BIN and CHROMEDRIVER)";
    }
    return null;
  }

  /** Runs a test class only when the browser and its driver are there; says so on stderr if not. */
  static final class Installed implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String missing = missing();
      if (missing == null) return ConditionEvaluationResult.enabled("chromium is installed");
      System.err.println(missing);
      return ConditionEvaluationResult.disabled(missing);
    }
  }

  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().window().setSize(new Dimension(1280, 1000));
    return driver;
  }

  static void screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new AssertionError("cannot save the screenshot " + name, e);
    }
  }
}
