package org.paperboy.ingest.live;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.paperboy.PaperboyException;

/** A server answered with a status we do not retry (a 4xx other than 429). Keeps the body. */
final class HttpStatusException extends PaperboyException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient byte[] body;

  HttpStatusException(URI uri, int status, byte[] body) {
    super("HTTP " + status + " from " + uri + snippet(body));
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  byte[] body() {
    return body;
  }

  /** The start of the body, because servers usually say there what was wrong. */
  private static String snippet(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }
}
