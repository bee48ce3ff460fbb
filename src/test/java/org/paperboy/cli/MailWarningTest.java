package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.Config;
import org.paperboy.mail.MailChecks;

/**
 * RFC 8058: one-click unsubscribe needs an https List-Unsubscribe URL. Signed SMTP mail with an
 * http base URL is a setup mistake the command names.
 */
class MailWarningTest {
  @TempDir Path dir;

  Map<String, String> env(String baseUrl) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    Path key = dir.resolve("dkim.pem");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Map<String, String> env = new HashMap<>();
    env.put("PAPERBOY_EMBEDDINGS", "off");
    env.put("PAPERBOY_SMTP_URL", "smtp://127.0.0.1:1"); // never reached: nothing is due
    env.put("PAPERBOY_DKIM_KEY", key.toString());
    env.put("PAPERBOY_DKIM_SELECTOR", "mail2026");
    env.put("PAPERBOY_MAIL_FROM", "paperboy <digest@paperboy.test>");
    if (baseUrl != null) env.put("PAPERBOY_BASE_URL", baseUrl);
    return env;
  }

  String digestRunErr(Map<String, String> env) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", dir.resolve("data").toString(), "digest", "run"},
            env,
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return err.toString();
  }

  @Test
  void digest_run_with_dkim_smtp_and_an_http_base_url_warns_naming_the_setting() throws Exception {
    String err = digestRunErr(env("http://paperboy.example.org"));

    assertThat(err.lines())
        .singleElement()
        .asString()
        .startsWith(
            "paperboy: warning: web.base_url (PAPERBOY_BASE_URL) is http://paperboy.example.org")
        .contains("RFC 8058", "https");
  }

  @Test
  void the_default_base_url_warns_too_and_https_does_not() throws Exception {
    List<String> byDefault =
        MailChecks.problems(Config.from(dir, env(null)).mail(), "http://localhost:8080");
    assertThat(byDefault).singleElement().asString().contains("web.base_url");
    assertThat(digestRunErr(env("https://paperboy.example.org"))).isEmpty();
  }

  @Test
  void without_dkim_or_without_smtp_nothing_is_said() throws Exception {
    Map<String, String> env = env("http://paperboy.example.org");
    env.remove("PAPERBOY_DKIM_KEY");
    assertThat(MailChecks.problems(Config.from(dir, env).mail(), "http://x")).isEmpty();
    env.put("PAPERBOY_DKIM_KEY", dir.resolve("dkim.pem").toString());
    env.remove("PAPERBOY_SMTP_URL");
    assertThat(MailChecks.problems(Config.from(dir, env).mail(), "http://x")).isEmpty();
  }

  @Test
  void digest_run_without_a_base_url_refuses_to_send_and_says_which_setting() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("PAPERBOY_EMBEDDINGS", "off"));
    StringWriter out = new StringWriter(), err = new StringWriter();
    String data = dir.resolve("data").toString();

    int code =
        Main.run(
            new String[] {"--data", data, "digest", "run"},
            env,
            new PrintWriter(out),
            new PrintWriter(err));
    int dry =
        Main.run(
            new String[] {"--data", data, "digest", "run", "--dry-run"},
            env,
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .startsWith("paperboy: set web.base_url (PAPERBOY_BASE_URL)")
        .contains("http://localhost:8080")
        .hasLineCount(1);
    assertThat(dry).isZero();
  }
}
