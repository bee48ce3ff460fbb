package org.paperboy.web;

/**
 * What the web server is told by configuration.
 *
 * @param baseUrl the public origin links in mail are built from, without a trailing slash; null
 *     when unset or blank, and then {@code http://localhost:PORT}. An https origin also marks the
 *     cookies Secure.
 * @param keepPages false keeps nothing between requests (every page computed afresh), to measure
 *     what keeping them saves
 * @param outboxPage false hides the local outbox page, e.g. behind a reverse proxy on the same
 *     machine, where every request looks local
 */
public record WebSettings(String baseUrl, boolean keepPages, boolean outboxPage) {
  public WebSettings {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
  }

  /** True when cookies must be marked Secure whatever the request says: the site is https. */
  boolean secure() {
    return baseUrl != null && baseUrl.startsWith("https:");
  }
}
