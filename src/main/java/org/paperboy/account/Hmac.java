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
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new PaperboyException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }
}
