package org.paperboy.mail;

/**
 * Sends mail. The default, {@link OutboxMailer}, only writes files; an SMTP mailer plugs in here
 * (see the digest feature) without the callers changing.
 */
public interface Mailer {
  void send(Mail mail);
}
