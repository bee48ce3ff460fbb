package org.paperboy.ingest.live;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds request URLs from a configured base, so a base with its own query string still works. */
final class Urls {
  private Urls() {}

  /** {@code base} with {@code name=value} pairs appended, values form-encoded. */
  static URI withQuery(URI base, String... namesAndValues) {
    StringBuilder url = new StringBuilder(base.toString());
    char separator = base.getRawQuery() == null ? '?' : '&';
    for (int i = 0; i < namesAndValues.length; i += 2) {
      url.append(separator)
          .append(namesAndValues[i])
          .append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
      separator = '&';
    }
    return URI.create(url.toString());
  }
}
