package org.paperboy.mail;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message to one address: plain text, optionally an HTML alternative and extra headers (e.g.
 * {@code Message-ID}, {@code List-Unsubscribe}). Every header-bound field must be one line, so no
 * value from outside can add a header of its own.
 */
public record Mail(
    String to, String subject, String text, String html, Map<String, String> headers) {
  public Mail {
    requireNonNull(to, "to");
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    oneLine(to);
    oneLine(subject);
    Map<String, String> copy = new LinkedHashMap<>();
    (headers == null ? Map.<String, String>of() : headers)
        .forEach(
            (name, value) -> {
              if (!name.matches("[A-Za-z][A-Za-z0-9-]*"))
                throw new IllegalArgumentException("bad header name '" + name + "'");
              oneLine(value);
              copy.put(name, value);
            });
    headers = Collections.unmodifiableMap(copy);
  }

  /** A plain-text message. */
  public Mail(String to, String subject, String text) {
    this(to, subject, text, null, Map.of());
  }

  private static void oneLine(String s) {
    if (s.contains("\r") || s.contains("\n")) {
      throw new IllegalArgumentException("a header must be one line"); // no header injection
    }
  }
}
