package org.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.app.Config;

/**
 * DKIM: the canonicalisations against RFC 6376's examples, and a real message verified as a
 * receiver would.
 */
class DkimSignerTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  @Test
  void relaxed_canonicalisation_matches_the_example_of_rfc_6376_section_3_4_6() {
    List<String[]> fields = DkimSigner.fields("A: X\r\nB : Y\t\r\n\tZ  \r\n");
    StringBuilder headers = new StringBuilder();
    for (String[] f : fields) headers.append(DkimSigner.relaxedHeader(f[0], f[1]));
    byte[] body =
        DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(headers.toString()).isEqualTo("a:X\r\nb:Y Z\r\n");
    assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo(" C\r\nD E\r\n");
  }

  @Test
  void the_body_hash_of_the_rfc_example_message_is_the_published_one() {
    // The body of RFC 6376 appendix A / RFC 8463 appendix A, whose bh= both documents give.
    byte[] body =
        "Hi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(Base64.getEncoder().encodeToString(DkimSigner.sha256(DkimSigner.relaxedBody(body))))
        .isEqualTo("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=");
  }

  @Test
  void a_digest_sent_over_smtp_carries_a_signature_that_verifies_with_the_public_key()
      throws Exception {
    KeyPair keys = rsa();
    Map<String, String> env =
        Map.of("PAPERBOY_DKIM_KEY", pem(keys).toString(), "PAPERBOY_DKIM_SELECTOR", "mail2026");
    DkimSigner signer =
        DkimSigner.from(mail(env, "paperboy <digest@paperboy.test>"), Clock.systemUTC());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Message-ID", "<digest.7.2026-11-26@paperboy.test>");
    headers.put(
        "List-Unsubscribe", "<https://paperboy.test/unsubscribe?token=unsubscribe.7.1.abc>");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    try (SmtpMailer mailer =
        new SmtpMailer(
            SmtpUrl.parse("smtp://127.0.0.1:" + smtp.getSmtp().getPort()),
            "paperboy <digest@paperboy.test>",
            Duration.ofSeconds(5),
            0,
            signer)) {
      mailer.send(
          new Mail(
              "ada@example.org",
              "paperboy: 3 papers for Thu 26 Nov 2026 — ünïcode",
              "Your digest\n\n* A paper   with  spaces   \n  matches your alert 'MLLM'\n\n\n",
              "<p>Your digest</p>\n<p>A paper — “quoted”</p>\n",
              headers));
    }

    String raw =
        GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]).replaceAll("\r?\n", "\r\n");
    Map<String, String> tags = tags(raw);

    assertThat(tags)
        .containsEntry("a", "rsa-sha256")
        .containsEntry("c", "relaxed/relaxed")
        .containsEntry("d", "paperboy.test")
        .containsEntry("s", "mail2026")
        .containsEntry(
            "h",
            "from:to:subject:date:message-id:mime-version:content-type:list-unsubscribe:list-unsubscribe-post");
    assertThat(verify(raw, keys.getPublic())).isTrue();
    assertThat(verify(raw.replace("Subject: ", "Subject: Re: "), keys.getPublic())).isFalse();
    assertThat(verify(raw.replace("Your digest", "Your d1gest"), keys.getPublic())).isFalse();
  }

  @Test
  void a_pkcs1_key_or_a_missing_selector_is_a_clear_error() throws Exception {
    Path pkcs1 = dir.resolve("old.pem");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    assertThatThrownBy(
            () ->
                DkimSigner.from(
                    mail(
                        Map.of(
                            "PAPERBOY_DKIM_KEY", pkcs1.toString(), "PAPERBOY_DKIM_SELECTOR", "s"),
                        "a@b.example"),
                    Clock.systemUTC()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThatThrownBy(
            () ->
                DkimSigner.from(
                    mail(Map.of("PAPERBOY_DKIM_KEY", pkcs1.toString()), "a@b.example"),
                    Clock.systemUTC()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("PAPERBOY_DKIM_SELECTOR");
    assertThat(DkimSigner.from(mail(Map.of(), "a@b.example"), Clock.systemUTC())).isNull();
  }

  /** The mail settings the configuration reads from {@code env}, sending from {@code from}. */
  private MailSettings mail(Map<String, String> env, String from) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PAPERBOY_MAIL_FROM", from);
    return Config.from(dir, all).mail();
  }

  // ---- a receiver's verification, written from RFC 6376 section 6.1.3 ----

  /** True when the DKIM-Signature of {@code raw} (CRLF lines) verifies: body hash and signature. */
  static boolean verify(String raw, PublicKey key) throws Exception {
    int split = raw.indexOf("\r\n\r\n");
    String head = raw.substring(0, split + 2);
    byte[] body = raw.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, String> tags = tags(raw);
    if (!Base64.getEncoder()
        .encodeToString(DkimSigner.sha256(DkimSigner.relaxedBody(body)))
        .equals(tags.get("bh"))) return false;
    List<String[]> fields = DkimSigner.fields(head);
    StringBuilder signed = new StringBuilder();
    for (String name : tags.get("h").split(":")) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (fields.get(i)[0].equalsIgnoreCase(name)) {
          signed.append(DkimSigner.relaxedHeader(fields.get(i)[0], fields.get(i)[1]));
          break;
        }
      }
    }
    String[] sig =
        fields.stream()
            .filter(f -> f[0].equalsIgnoreCase("DKIM-Signature"))
            .findFirst()
            .orElseThrow();
    String withoutB = sig[1].replaceAll("b=[^;]*$", "b=");
    String self = DkimSigner.relaxedHeader(sig[0], withoutB);
    signed.append(self, 0, self.length() - 2);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
    return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
  }

  static Map<String, String> tags(String raw) {
    String head = raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
    String[] sig =
        DkimSigner.fields(head).stream()
            .filter(f -> f[0].equalsIgnoreCase("DKIM-Signature"))
            .findFirst()
            .orElseThrow();
    Map<String, String> tags = new LinkedHashMap<>();
    for (String t : sig[1].replaceAll("[ \t\r\n]+", "").split(";")) {
      int eq = t.indexOf('=');
      if (eq > 0) tags.put(t.substring(0, eq), t.substring(eq + 1));
    }
    return tags;
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  Path pem(KeyPair keys) throws Exception {
    Path f = dir.resolve("dkim.pem");
    Files.writeString(
        f,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return f;
  }
}
