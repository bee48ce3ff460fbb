package org.paperboy.mail;

import static java.util.Objects.requireNonNull;

/** One plain-text message to one address. */
public record Mail(String to, String subject, String text) {
  public Mail {
    requireNonNull(to, "to");
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    if (to.contains("\r")
        || to.contains("\n")
        || subject.contains("\r")
        || subject.contains("\n")) {
      throw new IllegalArgumentException("a header must be one line"); // no header injection
    }
  }
}
