package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.ExternalTool;

/**
 * Every page, signed out and in, through the W3C Nu HTML validator (vnu.jar from npm's {@code
 * vnu-jar}): no errors (issue 14, "Pages"). The jar is named by {@code PAPERBOY_VNU_JAR}, which
 * {@code .ci/run} sets after installing it; the test skips without it.
 */
class NuValidatorTest {
  @RegisterExtension static final Site site = Site.withSample();
  @TempDir Path dir;

  @Test
  void the_nu_validator_finds_no_errors_on_any_page() throws Exception {
    String jar = jar();
    Site.Client reader = site.client();
    Site.Client visitor = site.client();
    reader.signIn("pages@example.org");
    List<String> files = new ArrayList<>();
    int n = 0;
    for (Site.Client who : List.of(visitor, reader)) {
      for (String path :
          List.of(
              "/",
              "/papers?date=2016-05-26",
              "/papers/week/2016-W21",
              "/papers/month/2016-05",
              "/trending?window=month",
              "/search?q=language",
              "/search?q=nothing+matches+this+zzzq",
              "/papers/1605.08386",
              "/login",
              "/subscribe",
              "/no/such/page")) {
        Path f = dir.resolve("page" + n++ + ".html");
        Files.writeString(f, who.get(path).body());
        files.add(f.toString());
      }
    }
    Path saved = dir.resolve("saved.html");
    Files.writeString(saved, reader.get("/saved").body());
    files.add(saved.toString());

    ExternalTool.Run r = validate(jar, files);

    assertThat(r.out() + r.err()).as("the validator's errors").isBlank();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void the_validator_does_report_a_broken_page() throws Exception {
    String jar = jar();
    Path broken = dir.resolve("broken.html");
    Files.writeString(broken, "<html><h3>no doctype, no title</h3></html>");

    ExternalTool.Run r = validate(jar, List.of(broken.toString()));

    assertThat(r.out() + r.err()).contains("error:");
  }

  /** The jar, or the test skips. */
  private static String jar() {
    String jar = System.getenv("PAPERBOY_VNU_JAR");
    assumeTrue(
        jar != null && Files.isRegularFile(Path.of(jar)),
        "PAPERBOY_VNU_JAR does not name vnu.jar (npm install vnu-jar): skipping this check");
    return jar;
  }

  private static ExternalTool.Run validate(String jar, List<String> files) {
    // vnu.jar runs on the JVM that runs the tests.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar, "--errors-only"));
    command.addAll(files);
    return ExternalTool.run(command, "");
  }
}
