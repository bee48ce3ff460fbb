package org.paperboy.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.paperboy.BadInputException;
import org.paperboy.PaperboyException;

/**
 * DKIM signatures (RFC 6376): rsa-sha256, relaxed/relaxed canonicalisation, over the headers a
 * receiver judges a digest by ({@link #SIGNED}, those present). Only {@code java.security}: the
 * algorithm is a hash of the canonical body and an RSA signature of the canonical headers.
 * Configured by {@link MailSettings}: a PKCS#8 PEM RSA private key, a selector and a domain
 * (default: the From address's domain).
 */
public final class DkimSigner {
  /**
   * Signed when present, in this order. From is required by RFC 6376; the rest is what a digest
   * says.
   */
  public static final List<String> SIGNED =
      List.of(
          "From",
          "To",
          "Subject",
          "Date",
          "Message-ID",
          "MIME-Version",
          "Content-Type",
          "List-Unsubscribe",
          "List-Unsubscribe-Post");

  private final PrivateKey key;
  private final String domain;
  private final String selector;
  private final Clock clock;

  public DkimSigner(PrivateKey key, String domain, String selector, Clock clock) {
    if (!"RSA".equals(key.getAlgorithm()))
      throw new BadInputException("the DKIM key must be an RSA key, was " + key.getAlgorithm());
    if (!domain.matches("[A-Za-z0-9.-]+") || !selector.matches("[A-Za-z0-9._-]+")) {
      throw new BadInputException(
          "DKIM domain '"
              + domain
              + "' or selector '"
              + selector
              + "' has characters DNS names cannot");
    }
    this.key = key;
    this.domain = domain.toLowerCase(Locale.ROOT);
    this.selector = selector;
    this.clock = clock;
  }

  /** The signer the mail settings ask for, or null when they name no DKIM key. */
  public static DkimSigner from(MailSettings mail, Clock clock) {
    Path file = mail.dkimKey();
    if (file == null) return null;
    String selector = mail.dkimSelector();
    if (selector == null || selector.isBlank()) {
      throw new BadInputException(
          "mail.dkim_key (PAPERBOY_DKIM_KEY) is set but mail.dkim_selector"
              + " (PAPERBOY_DKIM_SELECTOR) is not: name the DNS selector of the key");
    }
    String fromAddress = mail.from();
    String domain = mail.dkimDomain();
    if (domain == null || domain.isBlank()) {
      int at = fromAddress.lastIndexOf('@');
      domain = at < 0 ? "" : fromAddress.substring(at + 1).replaceAll("[>\\s].*$", "");
      if (domain.isEmpty())
        throw new BadInputException(
            "set mail.dkim_domain (PAPERBOY_DKIM_DOMAIN): the From address '"
                + fromAddress
                + "' has no domain");
    }
    return new DkimSigner(readKey(file), domain.strip(), selector.strip(), clock);
  }

  /** A PKCS#8 PEM RSA private key ("BEGIN PRIVATE KEY"). */
  static PrivateKey readKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new BadInputException("cannot read the DKIM key " + file + ": " + e.getMessage());
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new BadInputException(
          "the DKIM key "
              + file
              + " is PKCS#1; convert it to PKCS#8 with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW'");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----"),
        end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin)
      throw new BadInputException("the DKIM key " + file + " is not a PEM 'PRIVATE KEY' (PKCS#8)");
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new BadInputException(
          "the DKIM key " + file + " is not a readable RSA key: " + e.getMessage());
    }
  }

  /**
   * The {@code DKIM-Signature} header line (with its CRLF) for {@code message}, the whole message
   * as it goes on the wire: headers, an empty line, the body, lines ending in CRLF.
   */
  public String header(byte[] message) {
    int split = indexOf(message, new byte[] {'\r', '\n', '\r', '\n'});
    if (split < 0)
      throw new IllegalArgumentException("a message needs an empty line between headers and body");
    String head =
        new String(message, 0, split + 2, StandardCharsets.ISO_8859_1); // bytes kept as they are
    byte[] body = java.util.Arrays.copyOfRange(message, split + 4, message.length);
    List<String[]> fields = fields(head);
    StringBuilder signed = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (String name : SIGNED) {
      for (int i = fields.size() - 1; i >= 0; i--) { // the last instance counts (RFC 6376 5.4.2)
        if (fields.get(i)[0].equalsIgnoreCase(name)) {
          signed.append(relaxedHeader(fields.get(i)[0], fields.get(i)[1]));
          names.add(name.toLowerCase(Locale.ROOT));
          break;
        }
      }
    }
    if (!names.contains("from"))
      throw new IllegalArgumentException(
          "a DKIM signature must cover From, and the message has none");
    String value =
        "v=1; a=rsa-sha256; c=relaxed/relaxed; d="
            + domain
            + "; s="
            + selector
            + ";\r\n t="
            + clock.instant().getEpochSecond()
            + "; h="
            + String.join(":", names)
            + ";\r\n bh="
            + Base64.getEncoder().encodeToString(sha256(relaxedBody(body)))
            + ";\r\n b=";
    // The signature covers the signature header itself with an empty b=, without its final CRLF.
    String self = relaxedHeader("DKIM-Signature", " " + value);
    signed.append(self, 0, self.length() - 2);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
      return "DKIM-Signature: " + value + Base64.getEncoder().encodeToString(rsa.sign()) + "\r\n";
    } catch (GeneralSecurityException e) {
      throw new PaperboyException("DKIM signing failed: " + e.getMessage(), e);
    }
  }

  /**
   * Header fields as [name, value after the colon], folded lines joined (with their CRLF) to the
   * field.
   */
  static List<String[]> fields(String head) {
    List<String[]> out = new ArrayList<>();
    for (String line : head.split("\r\n")) {
      if (line.isEmpty()) continue;
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !out.isEmpty()) {
        out.get(out.size() - 1)[1] += "\r\n" + line;
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) out.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
      }
    }
    return out;
  }

  /**
   * RFC 6376 3.4.2: name lower-cased, value unfolded, white space runs as one space, none around
   * the colon or at the end.
   */
  static String relaxedHeader(String name, String value) {
    String v = value.replace("\r\n", "").replaceAll("[ \t]+", " ").replaceAll("^ | $", "");
    return name.replaceAll("[ \t]+$", "").toLowerCase(Locale.ROOT) + ":" + v + "\r\n";
  }

  /**
   * RFC 6376 3.4.4: white space at line ends removed, runs inside lines as one space, empty lines
   * at the end removed.
   */
  static byte[] relaxedBody(byte[] body) {
    String s = new String(body, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(s.length());
    int pendingEmpty = 0;
    for (String line : s.split("\r\n", -1)) {
      String l = line.replaceAll("[ \t]+", " ");
      if (l.endsWith(" ")) l = l.substring(0, l.length() - 1);
      if (l.isEmpty()) {
        pendingEmpty++;
        continue;
      }
      out.append("\r\n".repeat(pendingEmpty)).append(l).append("\r\n");
      pendingEmpty = 0;
    }
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static int indexOf(byte[] a, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= a.length; i++) {
      for (int j = 0; j < what.length; j++) if (a[i + j] != what[j]) continue outer;
      return i;
    }
    return -1;
  }
}
