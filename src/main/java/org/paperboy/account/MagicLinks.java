package org.paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.paperboy.PaperboyException;

/**
 * Sign-in tokens: {@code email.expiry.nonce.signature}, base64url parts, signed with HMAC-SHA256.
 * The token carries its own expiry, so nothing is stored when one is issued; the nonce is recorded
 * when it is spent, which makes it single use.
 */
final class MagicLinks {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  MagicLinks(byte[] key) {
    this.key = key.clone();
  }

  /** What a valid token says. */
  record Claim(String email, Instant expires, String nonce) {}

  String issue(String email, Instant expires) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String payload =
        B64.encodeToString(email.getBytes(StandardCharsets.UTF_8))
            + "."
            + expires.getEpochSecond()
            + "."
            + B64.encodeToString(nonce);
    return payload + "." + B64.encodeToString(sign(payload));
  }

  /** The claim of a well-formed, correctly signed token (expiry not checked), else null. */
  Claim verify(String token) {
    if (token == null || token.length() > 2000) return null;
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4) return null;
    String payload = parts[0] + "." + parts[1] + "." + parts[2];
    try {
      if (!MessageDigest.isEqual(sign(payload), B64D.decode(parts[3]))) return null;
      return new Claim(
          new String(B64D.decode(parts[0]), StandardCharsets.UTF_8),
          Instant.ofEpochSecond(Long.parseLong(parts[1])),
          parts[2]);
    } catch (IllegalArgumentException e) { // bad base64 or number: a damaged token
      return null;
    }
  }

  private byte[] sign(String payload) {
    return Hmac.sha256(key, payload);
  }

  static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return B64.encodeToString(b);
  }

  static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte x : d) hex.append(String.format("%02x", x));
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new PaperboyException("SHA-256 is not available: " + e.getMessage(), e);
    }
  }
}
