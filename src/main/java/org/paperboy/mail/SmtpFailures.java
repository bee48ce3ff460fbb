package org.paperboy.mail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP failure means for a retry: a {@link MailDeliveryException} that is temporary for 4xx
 * replies, timeouts and connection trouble, permanent for 5xx, with the server's reply on one line.
 */
final class SmtpFailures {
  private static final Pattern CODE = Pattern.compile("\\b([45]\\d\\d)[ -]");

  private SmtpFailures() {}

  /** Temporary or permanent, from the reply code when the server gave one. */
  static MailDeliveryException classify(MessagingException e) {
    int code = 0;
    String reply = null;
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
        code = s.getReturnCode();
        reply = s.getMessage();
        break;
      }
      if (t instanceof SMTPAddressFailedException s && s.getReturnCode() > 0) {
        code = s.getReturnCode();
        reply = s.getMessage();
        break;
      }
      if (t instanceof SMTPSenderFailedException s && s.getReturnCode() > 0) {
        code = s.getReturnCode();
        reply = s.getMessage();
        break;
      }
    }
    if (code == 0 && !(rootCause(e) instanceof IOException)) {
      Matcher m = CODE.matcher(String.valueOf(e.getMessage())); // e.g. a 421 greeting
      if (m.find()) {
        code = Integer.parseInt(m.group(1));
        reply = e.getMessage();
      }
    }
    if (code >= 500) return new MailDeliveryException(false, code, oneLine(reply), e);
    if (code >= 400) return new MailDeliveryException(true, code, oneLine(reply), e);
    Throwable root = rootCause(e);
    String what =
        root instanceof SocketTimeoutException
            ? "the mail server did not answer in time"
            : root instanceof ConnectException
                ? "cannot connect to the mail server"
                : "mail delivery failed";
    return new MailDeliveryException(
        true, 0, what + ": " + oneLine(String.valueOf(root.getMessage())), e);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null)
      return m.getNextException();
    return t.getCause() == t ? null : t.getCause();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable r = t;
    for (Throwable n = next(r); n != null && n != r; n = next(r)) r = n;
    return r;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
