package org.paperboy.web;

import org.paperboy.PaperboyException;

/** A method a known path does not answer (PUT on a page): 405, with the Allow header set. */
final class MethodNotAllowedException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  MethodNotAllowedException(String message) {
    super(message);
  }
}
