package org.paperboy.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.paperboy.BadInputException;
import org.paperboy.account.Hmac;

/**
 * Signed links for mail: confirm a subscription, manage it, unsubscribe in one click. A token is
 * {@code purpose.subscription.expiry.signature} (HMAC-SHA256), so nothing is stored per link and a
 * link cannot be turned into another purpose or another subscriber's. Subscription ids are never
 * reused, so the links of a deleted subscription stay dead.
 */
final class DigestLinks {
  enum Purpose {
    CONFIRM(Duration.ofDays(7)),
    MANAGE(Duration.ofDays(60)),
    // Mail sits in inboxes for months; an old digest's unsubscribe link must still work.
    UNSUBSCRIBE(Duration.ofDays(400));

    final Duration lifetime;

    Purpose(Duration lifetime) {
      this.lifetime = lifetime;
    }

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;
  private final String baseUrl;
  // A digest signs one link per paper (ten a digest, 100,000 digests a run): one keyed Mac per
  // thread rather than a provider lookup and key set-up per link.
  private final ThreadLocal<javax.crypto.Mac> mac;

  DigestLinks(byte[] key, String baseUrl) {
    this.key = key.clone();
    this.baseUrl = baseUrl;
    this.mac = ThreadLocal.withInitial(() -> Hmac.keyed(this.key));
  }

  String baseUrl() {
    return baseUrl;
  }

  String token(Purpose purpose, long subscription, Instant now) {
    String payload =
        purpose.word() + "." + subscription + "." + now.plus(purpose.lifetime).getEpochSecond();
    return payload + "." + B64.encodeToString(sign(payload));
  }

  String url(Purpose purpose, long subscription, Instant now) {
    String path =
        switch (purpose) {
          case CONFIRM -> "/subscribe/confirm";
          case MANAGE -> "/subscription";
          case UNSUBSCRIBE -> "/unsubscribe";
        };
    return baseUrl
        + path
        + "?token="
        + URLEncoder.encode(token(purpose, subscription, now), StandardCharsets.UTF_8);
  }

  /**
   * A paper's link in one reader's digest: {@code /d/c?s=SUBSCRIPTION&p=PAPER&k=SIGNATURE}. The
   * redirect behind it records the click (a signal for the reader's picks) and goes on to the
   * paper's page. No expiry: a paper link in a year-old digest should still open the paper.
   */
  String clickUrl(long subscription, String paperId) {
    return baseUrl
        + "/d/c?s="
        + subscription
        + "&p="
        + URLEncoder.encode(paperId, StandardCharsets.UTF_8)
        + "&k="
        + B64.encodeToString(sign(clickPayload(subscription, paperId)));
  }

  /** The subscription id of a click link whose signature holds; anything else is bad input. */
  long verifyClick(String subscription, String paperId, String signature) {
    if (subscription == null
        || paperId == null
        || signature == null
        || paperId.length() > 100
        || signature.length() > 100) {
      throw new BadInputException("this link is not valid");
    }
    try {
      long s = Long.parseLong(subscription);
      if (!MessageDigest.isEqual(
          sign(clickPayload(s, paperId)), Base64.getUrlDecoder().decode(signature))) {
        throw new BadInputException("this link is not valid (was it copied whole?)");
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw new BadInputException("this link is not valid");
    }
  }

  // Its own first word, so no other link's signature (all start with a purpose) can pass for it.
  private static String clickPayload(long subscription, String paperId) {
    return "click." + subscription + "." + paperId;
  }

  /** The subscription id a valid token names; a forged, damaged or expired one is bad input. */
  long verify(Purpose purpose, String token, Instant now) {
    if (token == null || token.length() > 300)
      throw new BadInputException("this link is not valid");
    String[] p = token.split("\\.", -1);
    if (p.length != 4 || !p[0].equals(purpose.word()))
      throw new BadInputException("this link is not valid");
    String payload = p[0] + "." + p[1] + "." + p[2];
    try {
      if (!MessageDigest.isEqual(sign(payload), Base64.getUrlDecoder().decode(p[3]))) {
        throw new BadInputException("this link is not valid (was it copied whole?)");
      }
      if (Instant.ofEpochSecond(Long.parseLong(p[2])).isBefore(now)) {
        throw new BadInputException(
            "this link has expired" + (purpose == Purpose.CONFIRM ? "; subscribe again" : ""));
      }
      return Long.parseLong(p[1]);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("this link is not valid");
    }
  }

  private byte[] sign(String payload) {
    return mac.get()
        .doFinal(
            payload.getBytes(StandardCharsets.UTF_8)); // doFinal also resets it for the next link
  }
}
