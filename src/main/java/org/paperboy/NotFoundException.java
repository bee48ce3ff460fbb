package org.paperboy;

/** A named thing (a paper, a subscriber) does not exist. */
public class NotFoundException extends PaperboyException {
  public NotFoundException(String message) {
    super(message);
  }
}
