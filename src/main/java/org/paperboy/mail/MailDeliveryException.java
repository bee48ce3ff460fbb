package org.paperboy.mail;

import org.paperboy.PaperboyException;

/**
 * The mail server did not take a message. {@code temporary}: worth trying again later (4xx replies,
 * timeouts, a refused or dropped connection); otherwise the server said no for good (5xx) and
 * {@code reply} holds what it said.
 */
public final class MailDeliveryException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  private final boolean temporary;
  private final int code;

  public MailDeliveryException(boolean temporary, int code, String reply, Throwable cause) {
    super(reply, cause);
    this.temporary = temporary;
    this.code = code;
  }

  public boolean temporary() {
    return temporary;
  }

  /** The SMTP reply code, or 0 when there was no reply (e.g. the connection failed). */
  public int code() {
    return code;
  }
}
