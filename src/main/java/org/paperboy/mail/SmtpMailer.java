package org.paperboy.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
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
  private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
  private static final String QUOTED_PRINTABLE = "quoted-printable";

  static {
    // Jakarta Mail 2.1 looks its stream provider up again for every part it encodes, by a
    // ServiceLoader scan of the class path unless this property names the class: that scan was a
    // third of the time of each digest sent (JFR). A user's -D wins.
    String provider = "jakarta.mail.util.StreamProvider";
    if (System.getProperty(provider) == null) {
      System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private static final Pattern CODE = Pattern.compile("\\b([45]\\d\\d)[ -]");

  private final SmtpUrl url;
  private final InternetAddress from;
  private final Session session;
  private final Duration minInterval;
  private final Pacer pacer = new Pacer(Pacer.MONOTONIC, Sleeper.SYSTEM);
  private final DkimSigner dkim;
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
    this.dkim = dkim;
    try {
      this.from = new InternetAddress(from, true);
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
    // SMTP is a conversation of small writes; with Nagle's algorithm the last one of each message
    // waits for the server's delayed ACK (40 ms on Linux), which capped a connection at ~20
    // messages/s.
    if (!url.implicitTls()) props.put(p + "socketFactory", NoDelaySockets.INSTANCE);
    if (url.startTls()) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    this.session = Session.getInstance(props);
  }

  @Override
  public synchronized void send(Mail mail) {
    pace();
    try {
      MimeMessage m = message(mail);
      connected().sendMessage(m, m.getAllRecipients());
    } catch (MessagingException e) {
      drop();
      throw classify(e);
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

  MimeMessage message(Mail mail) throws MessagingException {
    String messageId = mail.headers().get("Message-ID");
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            if (messageId != null)
              setHeader("Message-ID", messageId); // stable: a resend is recognisable
            else super.updateMessageID();
          }
        };
    m.setFrom(from);
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
    m.setSubject(mail.subject(), "UTF-8");
    m.setSentDate(new Date());
    for (var h : mail.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("Message-ID")) m.setHeader(h.getKey(), h.getValue());
    }
    // Quoted-printable named up front: left open, Jakarta Mail scans every part's text to choose
    // an encoding (a fifth of a digest's send time), and would choose it for these anyway (long
    // lines, non-ASCII names).
    if (mail.html() == null) {
      m.setText(mail.text(), "UTF-8");
      m.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
    } else {
      MimeMultipart alt = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), "UTF-8");
      text.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), "UTF-8", "html");
      html.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
      alt.addBodyPart(text); // the preferred alternative goes last
      alt.addBodyPart(html);
      m.setContent(alt);
    }
    m.saveChanges();
    return dkim == null ? m : signed(m);
  }

  /**
   * The message as it will go on the wire with a DKIM-Signature on top. Read back from those bytes,
   * it is sent exactly as signed (a message parsed from a stream is not re-encoded).
   */
  private MimeMessage signed(MimeMessage m) throws MessagingException {
    try {
      java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream(64 * 1024);
      m.writeTo(wire);
      // Jakarta Mail leaves bare LFs in 7bit parts and the SMTP transport turns them into CRLF on
      // the
      // wire; the signature must cover the wire form, so it is made here first.
      byte[] raw = crlf(wire.toByteArray());
      byte[] header = dkim.header(raw).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] all = new byte[header.length + raw.length];
      System.arraycopy(header, 0, all, 0, header.length);
      System.arraycopy(raw, 0, all, header.length, raw.length);
      return new MimeMessage(session, new java.io.ByteArrayInputStream(all));
    } catch (IOException e) {
      throw new MessagingException("cannot serialise the message for DKIM: " + e.getMessage(), e);
    }
  }

  /** Plain sockets with TCP_NODELAY. */
  static final class NoDelaySockets extends javax.net.SocketFactory {
    static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private static java.net.Socket noDelay(java.net.Socket s) throws java.net.SocketException {
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket() throws IOException {
      return noDelay(new java.net.Socket());
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
      return noDelay(new java.net.Socket(host, port));
    }

    @Override
    public java.net.Socket createSocket(
        String host, int port, java.net.InetAddress local, int localPort) throws IOException {
      return noDelay(new java.net.Socket(host, port, local, localPort));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      return noDelay(new java.net.Socket(host, port));
    }

    @Override
    public java.net.Socket createSocket(
        java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
        throws IOException {
      return noDelay(new java.net.Socket(host, port, local, localPort));
    }
  }

  /** Every line ending as CRLF (bare LF and bare CR included), as SMTP sends it. */
  static byte[] crlf(byte[] in) {
    java.io.ByteArrayOutputStream out =
        new java.io.ByteArrayOutputStream(in.length + in.length / 32);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '\r') {
        out.write('\r');
        out.write('\n');
        if (i + 1 < in.length && in[i + 1] == '\n') i++;
      } else if (b == '\n') {
        out.write('\r');
        out.write('\n');
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

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
        root instanceof java.net.SocketTimeoutException
            ? "the mail server did not answer in time"
            : root instanceof java.net.ConnectException
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
