package org.paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.paperboy.PaperboyException;

/** HMAC-SHA256 of a link's payload: the one signature behind sign-in and digest links. */
public final class Hmac {
  private Hmac() {}

  public static byte[] sha256(byte[] key, String payload) {
    return keyed(key).doFinal(payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An HMAC-SHA256 ready to sign with {@code key}, for a caller that signs many payloads (one per
   * paper link in every digest): it can keep one per thread. A {@link Mac} is not thread-safe.
   */
  public static Mac keyed(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new PaperboyException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }
}
