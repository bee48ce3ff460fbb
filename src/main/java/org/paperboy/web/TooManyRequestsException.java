package org.paperboy.web;

import org.paperboy.PaperboyException;

/** A client over a rate limit: 429. */
final class TooManyRequestsException extends PaperboyException {
  TooManyRequestsException(String message) {
    super(message);
  }
}
