package org.paperboy;

/**
 * The one unchecked root of every error paperboy raises on purpose. The CLI maps it to exit code 1,
 * the web layer to HTTP 500; its subtypes say more ({@link BadInputException}: exit 2 / HTTP 400,
 * {@link NotFoundException}: exit 2 / HTTP 404). Messages are written for humans.
 */
public class PaperboyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PaperboyException(String message) {
    super(message);
  }

  public PaperboyException(String message, Throwable cause) {
    super(message, cause);
  }
}
