package org.paperboy.web;

import org.paperboy.PaperboyException;

/** A request that may not be done (a form without its CSRF token, the outbox from afar): 403. */
final class ForbiddenException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(String message) {
    super(message);
  }
}
