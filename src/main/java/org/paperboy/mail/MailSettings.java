package org.paperboy.mail;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How mail leaves.
 *
 * @param from the From address
 * @param smtp the SMTP server, or null: mail is written as .eml files to the outbox folder
 * @param smtpTimeout for connecting and for each read and write
 * @param smtpRate at most this many messages a second (0: as fast as the server takes them)
 * @param dkimKey a PKCS#8 PEM RSA key that signs every SMTP message, or null: no DKIM
 * @param dkimSelector the DKIM selector, required with a key
 * @param dkimDomain the signature's domain, or null: the From address's
 */
public record MailSettings(
    String from,
    SmtpUrl smtp,
    Duration smtpTimeout,
    int smtpRate,
    Path dkimKey,
    String dkimSelector,
    String dkimDomain) {
  public static final String DEFAULT_FROM = "paperboy <paperboy@localhost>";

  public MailSettings {
    requireNonNull(from, "from");
    requireNonNull(smtpTimeout, "smtpTimeout");
  }
}
