package org.paperboy.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Random URL-safe tokens. */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{20,100}");

  private Tokens() {}

  static String random() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Whether {@code s} could be one of ours: URL-safe base64 of a sensible length. */
  static boolean wellFormed(String s) {
    return WELL_FORMED.matcher(s).matches();
  }
}
