package org.paperboy.digest;

import java.time.Duration;
import java.util.Map;
import org.paperboy.BadInputException;

/**
 * The digest's knobs, from the environment: {@code PAPERBOY_BASE_URL} (links in mail), {@code
 * PAPERBOY_DIGEST_RETRY_SECONDS} (first retry delay, doubled each time), {@code
 * PAPERBOY_DIGEST_MAX_ATTEMPTS}, {@code PAPERBOY_DIGEST_PAUSE_AFTER} (hard failures in a row before
 * a subscription is paused), {@code PAPERBOY_DIGEST_LEASE_SECONDS} (how long a sender owns a
 * message it is sending before another run may take it over).
 */
public record DigestSettings(
    String baseUrl, Duration retryBase, int maxAttempts, int pauseAfter, Duration lease) {
  public static final DigestSettings DEFAULTS =
      new DigestSettings(
          "http://localhost:8080", Duration.ofMinutes(1), 8, 3, Duration.ofMinutes(5));

  public DigestSettings {
    baseUrl = baseUrl.strip().replaceAll("/+$", "");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new BadInputException(
          "PAPERBOY_BASE_URL must start with http:// or https://, was '" + baseUrl + "'");
    }
  }

  public static DigestSettings from(Map<String, String> env) {
    String base = env.get("PAPERBOY_BASE_URL");
    if (base == null || base.isBlank())
      base = "http://localhost:" + env.getOrDefault("PAPERBOY_PORT", "8080").strip();
    return new DigestSettings(
        base,
        Duration.ofSeconds(number(env, "PAPERBOY_DIGEST_RETRY_SECONDS", 60)),
        (int) number(env, "PAPERBOY_DIGEST_MAX_ATTEMPTS", 8),
        (int) number(env, "PAPERBOY_DIGEST_PAUSE_AFTER", 3),
        Duration.ofSeconds(number(env, "PAPERBOY_DIGEST_LEASE_SECONDS", 300)));
  }

  public DigestSettings withBaseUrl(String url) {
    return new DigestSettings(url, retryBase, maxAttempts, pauseAfter, lease);
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      long n = Long.parseLong(v.strip());
      if (n < 1) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new BadInputException(name + " must be a positive whole number, was '" + v + "'");
    }
  }
}
