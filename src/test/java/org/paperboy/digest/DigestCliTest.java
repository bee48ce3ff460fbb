package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.cli.Main;

/**
 * {@code paperboy subscribers ...} and {@code paperboy digest run}, in-process, mail to .eml files.
 */
class DigestCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run paperboy(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    int code =
        Main.run(
            all.toArray(String[]::new),
            Map.of(
                "PAPERBOY_BASE_URL",
                "https://paperboy.test",
                "PAPERBOY_MAIL_FROM",
                "paperboy <digest@mail.paperboy.test>",
                "PAPERBOY_EMBEDDINGS",
                "off"),
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  List<String> outbox() throws Exception {
    Path box = dir.resolve("data/outbox");
    if (!Files.isDirectory(box)) return List.of();
    try (Stream<Path> files = Files.list(box)) {
      return files
          .sorted()
          .map(
              f -> {
                try {
                  return Files.readString(f);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void add_list_and_remove_subscribers() {
    Run add =
        paperboy(
            "subscribers",
            "add",
            "Ada@Example.org",
            "--alert",
            "visual token reduction",
            "--alert",
            "MLLM",
            "--no-trending",
            "--time",
            "06:30",
            "--zone",
            "Europe/Berlin",
            "--confirmed");
    Run pending = paperboy("subscribers", "add", "bo@example.org");
    Run list = paperboy("subscribers", "list");
    Run json = paperboy("subscribers", "list", "--json");
    Run remove = paperboy("subscribers", "remove", "ada@example.org");
    Run again = paperboy("subscribers", "remove", "ada@example.org");

    assertThat(add.code()).isZero();
    assertThat(add.out()).isEqualTo("ada@example.org: active\n");
    assertThat(pending.out()).isEqualTo("bo@example.org: pending (confirmation link mailed)\n");
    assertThat(list.out())
        .contains(
            "ada@example.org  active  06:30 Europe/Berlin  max 20  trending no  alerts: visual token reduction | MLLM");
    assertThat(json.out().lines())
        .hasSize(2)
        .first()
        .asString()
        .contains(
            "\"email\":\"ada@example.org\"",
            "\"alerts\":[\"visual token reduction\",\"MLLM\"]",
            "\"zone\":\"Europe/Berlin\"");
    assertThat(remove.out()).isEqualTo("removed ada@example.org\n");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).isEqualTo("paperboy: no subscriber 'ada@example.org'\n");
  }

  @Test
  void bad_input_is_exit_2_with_one_line_that_says_what() {
    Run address = paperboy("subscribers", "add", "ada@");
    Run zone = paperboy("subscribers", "add", "ada@example.org", "--zone", "Mars/Base");
    List<String> args = new ArrayList<>(List.of("subscribers", "add", "ada@example.org"));
    for (int i = 0; i < 21; i++) args.addAll(List.of("--alert", "topic " + i));
    Run alerts = paperboy(args.toArray(String[]::new));
    Run header =
        paperboy(
            "subscribers", "add", "ada@example.org", "--alert", "x\r\nBcc: everyone@example.org");
    Run date = paperboy("digest", "run", "--date", "tomorrow");
    Run syntax = paperboy("subscribers", "add", "ada@example.org", "--alert", "\"open quote");
    Run seconds = paperboy("subscribers", "add", "ada@example.org", "--time", "23:59:59");

    for (Run r : List.of(address, zone, alerts, header, date, syntax, seconds)) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
    }
    assertThat(address.err()).isEqualTo("paperboy: 'ada@' is not an email address\n");
    assertThat(zone.err()).contains("unknown time zone 'Mars/Base'");
    assertThat(alerts.err())
        .isEqualTo("paperboy: at most 20 alerts per subscription, got 21; remove some\n");
    assertThat(header.err()).contains("must be one line");
    assertThat(date.err()).contains("--date must be YYYY-MM-DD, was 'tomorrow'");
    assertThat(syntax.err())
        .isEqualTo("paperboy: alert '\"open quote': the quote at position 1 is never closed\n");
    assertThat(seconds.err())
        .isEqualTo("paperboy: send time must be HH:MM (24-hour), was '23:59:59'\n");
    assertThat(paperboy("subscribers", "list").out()).doesNotContain("ada@example.org");
  }

  @Test
  void an_unconfirmed_address_gets_a_confirmation_link_and_no_digest() throws Exception {
    paperboy(
        "ingest",
        Path.of("src/test/resources/fixtures/listing/mllm-search-listing.txt").toString());
    paperboy("subscribers", "add", "bo@example.org", "--alert", "multimodal");

    Run run = paperboy("digest", "run", "--date", LocalDate.now(ZoneOffset.UTC).toString());

    assertThat(run.out()).isEqualTo("due 0, planned 0, empty 0, sent 0, retrying 0, failed 0\n");
    assertThat(outbox())
        .singleElement()
        .asString()
        .contains(
            "Subject: Confirm your paperboy digest",
            "https://paperboy.test/subscribe/confirm?token=confirm.");
  }

  @Test
  void digest_run_without_smtp_writes_a_multipart_eml_to_the_outbox_and_a_dry_run_writes_nothing()
      throws Exception {
    paperboy(
        "ingest",
        Path.of("src/test/resources/fixtures/listing/mllm-search-listing.txt").toString());
    paperboy(
        "subscribers",
        "add",
        "ada@example.org",
        "--alert",
        "multimodal large language models",
        "--confirmed");
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    Run dry = paperboy("digest", "run", "--date", today, "--dry-run");
    List<String> afterDry = outbox();
    Run real = paperboy("digest", "run", "--date", today);
    Run again = paperboy("digest", "run", "--date", today);

    assertThat(dry.out())
        .startsWith("ada@example.org " + today + ": paperboy: ")
        .contains("dry run: due 1, planned 1");
    assertThat(afterDry).isEmpty();
    assertThat(real.out()).isEqualTo("due 1, planned 1, empty 0, sent 1, retrying 0, failed 0\n");
    assertThat(again.out()).isEqualTo("due 0, planned 0, empty 0, sent 0, retrying 0, failed 0\n");
    assertThat(outbox())
        .singleElement()
        .asString()
        .contains(
            "List-Unsubscribe: <https://paperboy.test/unsubscribe?token=",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            // the From address's domain, not the base URL's host
            "Message-ID: <digest.1." + today + "@mail.paperboy.test>",
            "Content-Type: multipart/alternative",
            "Content-Type: text/html; charset=utf-8",
            "matches your alert 'multimodal large language models'");
  }
}
