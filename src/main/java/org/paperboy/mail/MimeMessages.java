package org.paperboy.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * A {@link Mail} as the MIME message {@link SmtpMailer} sends: UTF-8 parts in quoted-printable, the
 * Message-ID under the From address's domain ({@link MessageIds}), and a DKIM signature on top when
 * a signer is given.
 */
final class MimeMessages {
  private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
  private static final String QUOTED_PRINTABLE = "quoted-printable";

  private final Session session;
  private final InternetAddress from;
  private final DkimSigner dkim;
  private final MessageIds ids;

  /**
   * @param dkim signs every message when not null
   */
  MimeMessages(Session session, InternetAddress from, DkimSigner dkim) {
    this.session = session;
    this.from = from;
    this.dkim = dkim;
    this.ids = new MessageIds(from.getAddress());
  }

  MimeMessage message(Mail mail) throws MessagingException {
    // Always ours: Jakarta Mail's own would name the machine (user@localhost).
    String messageId = ids.of(mail.headers().get("Message-ID"));
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId); // stable when the caller named it
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
      ByteArrayOutputStream wire = new ByteArrayOutputStream(64 * 1024);
      m.writeTo(wire);
      // Jakarta Mail leaves bare LFs in 7bit parts and the SMTP transport turns them into CRLF on
      // the wire; the signature must cover the wire form, so it is made here first.
      byte[] raw = crlf(wire.toByteArray());
      byte[] header = dkim.header(raw).getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[header.length + raw.length];
      System.arraycopy(header, 0, all, 0, header.length);
      System.arraycopy(raw, 0, all, header.length, raw.length);
      return new MimeMessage(session, new ByteArrayInputStream(all));
    } catch (IOException e) {
      throw new MessagingException("cannot serialise the message for DKIM: " + e.getMessage(), e);
    }
  }

  /** Every line ending as CRLF (bare LF and bare CR included), as SMTP sends it. */
  static byte[] crlf(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 32);
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
}
