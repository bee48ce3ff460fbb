package org.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Message-IDs carry the From address's domain, whoever sends and however the caller named it. */
class MessageIdsTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  private static final String FROM = "paperboy <news@Mail.Example.NET>";

  @Test
  void mail_without_a_message_id_over_smtp_gets_one_under_the_from_domain() throws Exception {
    try (SmtpMailer mailer =
        new SmtpMailer(
            SmtpUrl.parse("smtp://127.0.0.1:" + smtp.getSmtp().getPort()),
            FROM,
            Duration.ofSeconds(5),
            0)) {
      mailer.send(new Mail("ada@example.org", "Your paperboy sign-in link", "open this link"));
      mailer.send(
          new Mail(
              "ada@example.org",
              "digest",
              "text",
              null,
              Map.of("Message-ID", "<digest.1.2026-12-03@127.0.0.1>")));
    }
    var received = smtp.getReceivedMessages();

    assertThat(received[0].getMessageID()).matches("<[0-9a-f-]{36}@mail\\.example\\.net>");
    assertThat(received[1].getMessageID()).isEqualTo("<digest.1.2026-12-03@mail.example.net>");
  }

  @Test
  void the_outbox_writes_a_message_id_under_the_from_domain() throws Exception {
    OutboxMailer outbox = new OutboxMailer(dir, FROM, Clock.systemUTC());
    outbox.send(new Mail("ada@example.org", "Your paperboy sign-in link", "open this link"));
    outbox.send(
        new Mail("bob@example.org", "digest", "text", null, Map.of("Message-ID", "digest.2.x")));

    String all;
    try (Stream<Path> files = Files.list(dir)) {
      all =
          files
              .map(
                  f -> {
                    try {
                      return Files.readString(f);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .reduce("", String::concat);
    }

    assertThat(all)
        .containsPattern("Message-ID: <[0-9a-f-]{36}@mail\\.example\\.net>\r\n")
        .contains("Message-ID: <digest.2.x@mail.example.net>\r\n");
  }

  @Test
  void a_from_address_without_a_domain_falls_back_to_localhost() {
    assertThat(new MessageIds("paperboy").of("a.b")).isEqualTo("<a.b@localhost>");
    assertThat(MessageIds.domain("x@example.org")).isEqualTo("example.org");
  }
}
