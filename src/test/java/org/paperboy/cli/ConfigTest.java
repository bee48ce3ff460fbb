package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.app.Config;
import org.paperboy.app.Setting;

/** The configuration: where each setting comes from, and what a bad one says. */
class ConfigTest {
  @TempDir Path dir;

  private Path write(String toml) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("paperboy.toml"), toml);
  }

  private static Duration retry(Config c) {
    return c.digest().retryBase();
  }

  @Test
  void a_file_beats_the_default_the_environment_beats_the_file_and_a_flag_beats_all()
      throws IOException {
    write("[serve]\nport = 9001\n\n[digest]\nretry_seconds = 90\nmax_attempts = 5\n");
    Map<String, String> env = Map.of("PAPERBOY_DIGEST_MAX_ATTEMPTS", "6", "PAPERBOY_PORT", "9002");

    Config defaults = Config.from(dir.resolve("elsewhere"), Map.of());
    Config c = Config.from(dir, env);
    Config flagged =
        Config.read(env, null, Map.of(Setting.DATA_DIR, dir.toString(), Setting.PORT, "9003"));

    assertThat(defaults.digest().pauseAfter()).isEqualTo(3);
    assertThat(retry(defaults)).isEqualTo(Duration.ofSeconds(60));
    assertThat(retry(c)).isEqualTo(Duration.ofSeconds(90)); // file over default
    assertThat(c.digest().maxAttempts()).isEqualTo(6); // env over file
    assertThat(c.serve().port()).isEqualTo(9002);
    assertThat(flagged.serve().port()).isEqualTo(9003); // flag over env
    assertThat(c.digest().pauseAfter()).isEqualTo(3); // default where nobody says
    // With no base URL configured, mail links point at the configured port.
    assertThat(flagged.digest().baseUrl()).isEqualTo("http://localhost:9003");
  }

  @Test
  void a_config_file_given_by_flag_may_name_the_data_dir() throws IOException {
    Path file =
        Files.writeString(dir.resolve("site.toml"), "data_dir = \"" + dir.resolve("d") + "\"\n");
    Config c = Config.read(Map.of(), file, Map.of());
    assertThat(c.dataDir()).isEqualTo(dir.resolve("d"));
    assertThat(c.store().url()).contains(dir.resolve("d").toAbsolutePath().toString());
  }

  @Test
  void a_bad_value_in_the_file_names_the_file_the_line_and_the_key() throws IOException {
    write("# digest knobs\n\n[digest]\nmax_attempts = 4\nretry_seconds = \"soon\"\n");
    assertThatThrownBy(() -> Config.from(dir, Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            dir.resolve("paperboy.toml")
                + ":5: digest.retry_seconds must be a positive whole number, was 'soon'");
  }

  @Test
  void an_unknown_key_in_the_file_names_the_file_and_the_line() throws IOException {
    write("[digest]\nretry_seconds = 30\n\n[web]\npage_cahce = false\n");
    assertThatThrownBy(() -> Config.from(dir, Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            dir.resolve("paperboy.toml") + ":5: unknown setting 'web.page_cahce'");
  }

  @Test
  void a_bad_variable_or_flag_is_named_as_such() {
    assertThatThrownBy(() -> Config.from(dir, Map.of("PAPERBOY_DIGEST_RETRY_SECONDS", "soon")))
        .hasMessage("PAPERBOY_DIGEST_RETRY_SECONDS must be a positive whole number, was 'soon'");
    assertThatThrownBy(() -> Config.read(Map.of(), null, Map.of(Setting.PORT, "http")))
        .hasMessage("--port must be a port number (0 to 65535), was 'http'");
    assertThatThrownBy(() -> Config.from(dir, Map.of("PAPERBOY_PAGE_CACHE", "sometimes")))
        .hasMessage("PAPERBOY_PAGE_CACHE must be on or off, was 'sometimes'");
  }

  @Test
  void a_blank_variable_counts_as_unset() {
    Config c = Config.from(dir, Map.of("PAPERBOY_BASE_URL", " ", "PAPERBOY_DB_URL", ""));
    assertThat(c.web().baseUrl()).isNull();
    assertThat(c.digest().baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(c.store().url()).startsWith("jdbc:h2:file:");
  }

  @Test
  void the_config_command_prints_each_value_and_its_origin_with_secrets_masked()
      throws IOException {
    write("[digest]\nretry_seconds = 90\n\n[store]\ndb_password = \"hunter2\"\n");
    Map<String, String> env =
        Map.of(
            "PAPERBOY_SECRET", "s3cret-key",
            "PAPERBOY_SMTP_URL", "smtp://ann:p4ss@mail.example:587?starttls=true",
            "PAPERBOY_EMBEDDINGS", "off");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", dir.toString(), "config"},
            env,
            new PrintWriter(out),
            new PrintWriter(err));

    assertThat(code).as(err.toString()).isZero();
    String text = "\n" + out.toString();
    assertThat(text)
        .contains("digest.retry_seconds")
        .containsPattern("digest\\.retry_seconds +\\= 90  \\(" + quote(dir) + "/paperboy.toml:2\\)")
        .containsPattern("digest\\.max_attempts +\\= 8  \\(default\\)")
        .containsPattern("search\\.embeddings +\\= off  \\(env PAPERBOY_EMBEDDINGS\\)")
        .containsPattern("secret +\\= \\*+  \\(env PAPERBOY_SECRET\\)")
        .containsPattern("store\\.db_password +\\= \\*+  \\(" + quote(dir) + "/paperboy.toml:5\\)")
        .containsPattern("mail\\.smtp_url +\\= smtp://ann:\\*\\*\\*@mail.example:587")
        .doesNotContain("hunter2")
        .doesNotContain("s3cret-key")
        .doesNotContain("p4ss");
    // Every setting the reader takes is listed once.
    for (Setting s : Setting.values()) {
      if (s.key() != null) assertThat(text).containsOnlyOnce("\n" + s.key() + " ");
    }
  }

  @Test
  void the_configuration_never_prints_a_secret() {
    Config c =
        Config.from(
            dir, Map.of("PAPERBOY_SECRET", "s3cret-key", "PAPERBOY_DB_PASSWORD", "hunter2"));
    assertThat(c.toString()).doesNotContain("s3cret-key").doesNotContain("hunter2");
  }

  @Test
  void a_bad_config_file_is_exit_code_2_with_one_line_on_stderr() throws IOException {
    write("[digest]\nretry_seconds = \"soon\"\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"--data", dir.toString(), "stats"},
            Map.of(),
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "paperboy: "
                + dir.resolve("paperboy.toml")
                + ":2: digest.retry_seconds must be a positive whole number, was 'soon'"
                + System.lineSeparator());
  }

  private static String quote(Path p) {
    return java.util.regex.Pattern.quote(p.toString());
  }
}
