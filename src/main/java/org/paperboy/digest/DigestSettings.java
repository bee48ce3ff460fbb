package org.paperboy.digest;

import java.time.Duration;
import org.paperboy.BadInputException;

/**
 * The digest's knobs (configured as {@code web.base_url} and {@code digest.*}): the base URL of
 * links in mail, the first retry delay (doubled each time), the attempts before a digest is given
 * up, the hard failures in a row before a subscription is paused, and how long a sender owns a
 * message it is sending before another run may take it over.
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
          "the base URL must start with http:// or https://, was '" + baseUrl + "'");
    }
  }

  public DigestSettings withBaseUrl(String url) {
    return new DigestSettings(url, retryBase, maxAttempts, pauseAfter, lease);
  }
}
