package org.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Properties;
import org.paperboy.PaperboyException;
import org.paperboy.time.Pacer;
import org.paperboy.time.Sleeper;

/**
 * Sends over SMTP with Jakarta Mail. One connection is opened on first use and reused for every
 * message after it (a digest run sends thousands); it is dropped after any failure and opened again
 * on the next message. Failures come out as {@link MailDeliveryException}: temporary for 4xx
 * replies, timeouts and connection trouble, permanent for 5xx, with the server's reply.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

  private final SmtpUrl url;
  private final Session session;
  private final MimeMessages messages;
  private final Duration minInterval;
  private final Pacer pacer = new Pacer(Pacer.MONOTONIC, Sleeper.SYSTEM);
  private static final long IDLE_CHECK_NANOS = 5_000_000_000L;
  private Transport transport;
  private long lastUsed;

  /**
   * @param timeout for connecting and for each read and write; a server that stalls longer fails
   *     the message temporarily
   * @param perSecond at most this many messages a second (0: as fast as the server takes them)
   */
  public SmtpMailer(SmtpUrl url, String from, Duration timeout, double perSecond) {
    this(url, from, timeout, perSecond, null);
  }

  /**
   * @param dkim signs every message when not null
   */
  public SmtpMailer(SmtpUrl url, String from, Duration timeout, double perSecond, DkimSigner dkim) {
    this.url = url;
    InternetAddress sender;
    try {
      sender = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new org.paperboy.BadInputException(
          "PAPERBOY_MAIL_FROM is not an address: '" + from + "'");
    }
    this.minInterval = Duration.ofNanos(perSecond > 0 ? (long) (1e9 / perSecond) : 0);
    String p = url.implicitTls() ? "mail.smtps." : "mail.smtp.";
    Properties props = new Properties();
    props.put(p + "host", url.host());
    props.put(p + "port", String.valueOf(url.port()));
    props.put(p + "connectiontimeout", String.valueOf(timeout.toMillis()));
    props.put(p + "timeout", String.valueOf(timeout.toMillis()));
    props.put(p + "writetimeout", String.valueOf(timeout.toMillis()));
    props.put(p + "auth", String.valueOf(url.user() != null));
    // No Nagle: it held the last write of every message for a delayed ACK (see NoDelaySockets).
    if (!url.implicitTls()) props.put(p + "socketFactory", NoDelaySockets.INSTANCE);
    if (url.startTls()) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    this.session = Session.getInstance(props);
    this.messages = new MimeMessages(session, sender, dkim);
  }

  @Override
  public synchronized void send(Mail mail) {
    pace();
    try {
      MimeMessage m = messages.message(mail);
      connected().sendMessage(m, m.getAllRecipients());
    } catch (MessagingException e) {
      drop();
      throw SmtpFailures.classify(e);
    } catch (IllegalStateException e) { // "Not connected": the server hung up between messages
      drop();
      throw new MailDeliveryException(
          true, 0, "the mail server closed the connection: " + e.getMessage(), e);
    }
  }

  private void pace() {
    try {
      pacer.awaitTurn(minInterval);
    } catch (InterruptedIOException e) {
      throw new PaperboyException("interrupted while pacing mail", e);
    }
  }

  private Transport connected() throws MessagingException {
    // isConnected() asks the server (a NOOP round trip, which cost as much as half a message):
    // only after a pause, when the server may have dropped an idle connection.
    long now = System.nanoTime();
    boolean fresh = now - lastUsed < IDLE_CHECK_NANOS;
    lastUsed = now;
    if (transport != null && (fresh || transport.isConnected())) return transport;
    drop();
    Transport t = session.getTransport(url.implicitTls() ? "smtps" : "smtp");
    t.connect(url.host(), url.port(), url.user(), url.password());
    transport = t;
    return t;
  }

  private void drop() {
    if (transport == null) return;
    try {
      transport.close();
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is going away anyway
    }
    transport = null;
  }

  @Override
  public synchronized void close() {
    drop();
  }

  @Override
  public String toString() {
    return url.toString();
  }
}
