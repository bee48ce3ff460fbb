package org.paperboy.app;

/**
 * The web's settings as configured (the web package builds its own settings from these).
 *
 * @param baseUrl the app's public URL without a trailing slash, or null: {@code
 *     http://localhost:PORT} of the running server
 * @param pageCache whether pages and search results are kept between requests
 * @param outboxPage whether {@code /outbox} shows the mail written to the outbox folder
 */
public record WebValues(String baseUrl, boolean pageCache, boolean outboxPage) {
  public static final WebValues DEFAULTS = new WebValues(null, true, true);
}
