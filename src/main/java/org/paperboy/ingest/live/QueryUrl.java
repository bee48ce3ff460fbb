package org.paperboy.ingest.live;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a request URL on a configured base, which may carry its own query string (a mirror or a
 * proxy that needs a key). Values are form-encoded; a null value leaves its parameter out.
 */
final class QueryUrl {
  private final StringBuilder url;
  private char separator;

  private QueryUrl(URI base) {
    url = new StringBuilder(base.toString());
    separator = base.getRawQuery() == null ? '?' : '&';
  }

  static QueryUrl on(URI base) {
    return new QueryUrl(base);
  }

  QueryUrl with(String name, Object value) {
    if (value != null) {
      url.append(separator)
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return this;
  }

  URI toUri() {
    return URI.create(url.toString());
  }
}
