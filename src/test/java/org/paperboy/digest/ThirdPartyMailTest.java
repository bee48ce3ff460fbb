package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.mail.DkimSigner;
import org.paperboy.mail.SmtpMailer;
import org.paperboy.mail.SmtpUrl;
import org.paperboy.testing.ExternalTool;

/**
 * A real digest, DKIM-signed and sent over SMTP, checked by programs nobody here wrote: dkimpy
 * verifies its signature as a receiving server would (the public key handed to it in place of a DNS
 * lookup), and SpamAssassin's local rules score it (issue 14, "Mail"). Both skip where the Debian
 * packages ({@code python3-dkim}, {@code spamassassin}) are absent.
 */
class ThirdPartyMailTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final Instant MORNING = Instant.parse("2026-11-26T08:00:00Z");

  @TempDir Path dir;
  DigestWorld world;
  KeyPair keys;

  @BeforeEach
  void open() throws Exception {
    world = new DigestWorld(dir, MORNING.minus(Duration.ofHours(2)), Map.of());
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    keys = g.generateKeyPair();
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  /** The digest a reader of one alert gets this morning, as the receiving server saw it. */
  private String sentDigest() throws Exception {
    DkimSigner signer = new DkimSigner(keys.getPrivate(), "paperboy.test", "mail2026", world.clock);
    try (SmtpMailer mailer =
        new SmtpMailer(
            SmtpUrl.parse("smtp://127.0.0.1:" + smtp.getSmtp().getPort()),
            "paperboy <digest@paperboy.test>",
            Duration.ofSeconds(5),
            0,
            signer)) {
      DigestService digests = world.digests(mailer);
      world.papers(DigestWorld.mllm(0, 30));
      digests.subscribe(
          SubscriptionForm.parse(
              "ada@example.org",
              List.of("multimodal large language models"),
              true,
              "07:00",
              "UTC",
              10),
          true);
      world.clock.set(MORNING);
      assertThat(digests.run(null, false).sent()).isEqualTo(1);
    }
    return GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]).replaceAll("\r?\n", "\r\n");
  }

  @Test
  void dkimpy_verifies_the_signature_of_a_digest_and_refuses_it_once_altered() throws Exception {
    ExternalTool.assumePythonModule("dkim", "python3-dkim");
    String raw = sentDigest();

    assertThat(dkimpy(raw)).as("dkimpy on the digest as sent").isEqualTo("True");
    assertThat(dkimpy(raw.replaceFirst("Subject: ", "Subject: Re: ")))
        .as("dkimpy after the subject changed")
        .isEqualTo("False");
  }

  @Test
  void spamassassin_scores_a_digest_well_below_its_threshold() throws Exception {
    Path spamassassin = Path.of("/usr/bin/spamassassin");
    ExternalTool.assumeInstalled(spamassassin, "spamassassin");
    String raw = sentDigest();

    // -L: local tests only (no network, no DNS blocklists); -t: report the rules that fired.
    ExternalTool.Run r = ExternalTool.run(List.of(spamassassin.toString(), "-L", "-t"), raw);

    Matcher status = Pattern.compile("X-Spam-Status: (\\w+), score=(-?[\\d.]+)").matcher(r.out());
    assertThat(status.find()).as("SpamAssassin's verdict in\n" + r.out() + r.err()).isTrue();
    String report = r.out().substring(r.out().indexOf("Content analysis details"));
    assertThat(status.group(1)).as(report).isEqualTo("No");
    // The default threshold is 5; a legitimate digest should not come near it.
    assertThat(Double.parseDouble(status.group(2))).as(report).isLessThan(2.0);
  }

  /** "True" or "False": dkimpy's verdict, with this test's public key as the DNS TXT record. */
  private String dkimpy(String raw) throws Exception {
    Path message = dir.resolve("digest.eml");
    Files.writeString(message, raw);
    String record =
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    String script =
        """
        import dkim, sys
        record = sys.argv[2].encode()
        def dns(name, timeout=5):
            return record if name == b"mail2026._domainkey.paperboy.test." else None
        print(dkim.verify(open(sys.argv[1], "rb").read(), dnsfunc=dns))
        """;
    ExternalTool.Run r =
        ExternalTool.run(
            List.of(ExternalTool.PYTHON.toString(), "-c", script, message.toString(), record), "");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().strip();
  }
}
