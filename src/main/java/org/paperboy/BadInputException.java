package org.paperboy;

/** The input (a file, a flag, a query, a form field) was wrong; the message says what and where. */
public class BadInputException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
