package org.paperboy.mail;

import java.util.Locale;
import java.util.UUID;

/**
 * Message-IDs under the From address's domain, the one domain a receiver can tie to the sender (and
 * that DKIM signs for): never the base URL's host or the machine's name, which gave
 * {@code @127.0.0.1} and {@code @localhost}. The caller names the message (the left part, stable
 * for a digest so a resend is recognisable); the mailer adds the domain.
 */
final class MessageIds {
  private final String domain;

  /** {@code from}: the From address, {@code "Name <user@example.org>"} or a bare address. */
  MessageIds(String from) {
    this.domain = domain(from);
  }

  /** The domain of a From address; "localhost" when it has none (the .eml outbox allows that). */
  static String domain(String from) {
    int at = from.lastIndexOf('@');
    String d = at < 0 ? "" : from.substring(at + 1).replaceAll("[>\\s].*$", "").strip();
    return d.isEmpty() ? "localhost" : d.toLowerCase(Locale.ROOT);
  }

  /**
   * The Message-ID for a message the caller named {@code given} ({@code "digest.1.2026-12-03"}, or
   * a full {@code "<left@any>"} whose domain is replaced), or a random one when {@code given} is
   * null.
   */
  String of(String given) {
    if (given == null || given.isBlank()) return "<" + UUID.randomUUID() + "@" + domain + ">";
    String left = given.strip();
    if (left.startsWith("<")) left = left.substring(1);
    if (left.endsWith(">")) left = left.substring(0, left.length() - 1);
    int at = left.lastIndexOf('@');
    if (at >= 0) left = left.substring(0, at);
    return "<" + left + "@" + domain + ">";
  }
}
