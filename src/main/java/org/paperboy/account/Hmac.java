package org.paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.paperboy.PaperboyException;
import org.paperboy.store.StateRepository;

/**
 * HMAC-SHA256 of a link's payload: the one signature behind sign-in and digest links, and the one
 * place their keys come from.
 */
public final class Hmac {
  private Hmac() {}

  /**
   * The key of one kind of link: {@code configured} (PAPERBOY_SECRET) when set, prefixed with
   * {@code domain} so that one secret gives each kind its own key; else a random key made once and
   * kept in the store under {@code stateKey}. Sign-in links use no domain (the links already out
   * keep working); digest links use "digest:".
   */
  public static byte[] key(
      StateRepository state, String stateKey, String configured, String domain) {
    String key;
    if (configured == null || configured.isBlank()) {
      key =
          state
              .get(stateKey)
              .orElseGet(
                  () -> {
                    String made = MagicLinks.randomToken();
                    state.put(stateKey, made);
                    return made;
                  });
    } else {
      key = domain + configured;
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }

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
