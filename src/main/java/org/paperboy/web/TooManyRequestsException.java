package org.paperboy.web;

import org.paperboy.PaperboyException;

/** A client over a rate limit: 429. */
final class TooManyRequestsException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  TooManyRequestsException(String message) {
    super(message);
  }
}
