package org.paperboy;

/** A named thing (a paper, a subscriber) does not exist. */
public class NotFoundException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
