package org.paperboy.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * What is wrong with a mail setup that still starts: each problem one line naming the setting to
 * change. {@code serve} and {@code digest run} log them at start; a status command can print them.
 */
public final class MailChecks {
  private MailChecks() {}

  /**
   * @param baseUrl the URL links in mail point to (the List-Unsubscribe URL starts with it)
   */
  public static List<String> problems(MailSettings mail, String baseUrl) {
    List<String> out = new ArrayList<>(1);
    boolean signedSmtp = mail.smtp() != null && mail.dkimKey() != null;
    if (signedSmtp && !baseUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
      // Gmail and Yahoo honour one-click unsubscribe only over https (RFC 8058, section 3.1).
      out.add(
          "web.base_url (PAPERBOY_BASE_URL) is "
              + baseUrl
              + ": digests go out over SMTP with DKIM, and RFC 8058 requires an https"
              + " List-Unsubscribe URL; set web.base_url to the https address readers use");
    }
    return out;
  }

  /** Logs each of {@link #problems} as a warning: for {@code serve}, once it knows its URL. */
  public static void warn(MailSettings mail, String baseUrl) {
    problems(mail, baseUrl).forEach(LoggerFactory.getLogger(MailChecks.class)::warn);
  }
}
