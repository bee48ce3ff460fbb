package org.paperboy.ingest.live;

import java.net.URI;
import java.time.Duration;

/**
 * Tests' way to change the parts of a {@link LiveConfig} that production never configures (paging,
 * retries, timeouts) and to point the services at a local server: a copy whose fields are set one
 * by one, then built with the record's constructor, so its checks still run.
 */
final class LiveConfigs {
  private URI arxivApiUrl;
  private URI oaiUrl;
  private URI rssUrl;
  private URI hfUrl;
  private final String userAgent;
  private final Duration arxivDelay;
  private Duration connectTimeout;
  private Duration requestTimeout;
  private int maxRetries;
  private Duration initialBackoff;
  private Duration maxWait;
  private int apiPageSize;
  private int apiMaxResults;

  private LiveConfigs(LiveConfig c) {
    arxivApiUrl = c.arxivApiUrl();
    oaiUrl = c.oaiUrl();
    rssUrl = c.rssUrl();
    hfUrl = c.hfUrl();
    userAgent = c.userAgent();
    arxivDelay = c.arxivDelay();
    connectTimeout = c.connectTimeout();
    requestTimeout = c.requestTimeout();
    maxRetries = c.maxRetries();
    initialBackoff = c.initialBackoff();
    maxWait = c.maxWait();
    apiPageSize = c.apiPageSize();
    apiMaxResults = c.apiMaxResults();
  }

  static LiveConfigs from(LiveConfig config) {
    return new LiveConfigs(config);
  }

  /** The defaults with every service on one local server, at these paths. */
  static LiveConfig local(URI arxivApi, URI oai, URI rss, URI hf) {
    return LiveConfig.of(arxivApi, oai, rss, hf, LiveConfig.DEFAULT_USER_AGENT);
  }

  LiveConfigs apiPaging(int pageSize, int maxResults) {
    apiPageSize = pageSize;
    apiMaxResults = maxResults;
    return this;
  }

  LiveConfigs retries(int retries, Duration firstBackoff, Duration longestWait) {
    maxRetries = retries;
    initialBackoff = firstBackoff;
    maxWait = longestWait;
    return this;
  }

  LiveConfigs timeouts(Duration connect, Duration request) {
    connectTimeout = connect;
    requestTimeout = request;
    return this;
  }

  LiveConfig build() {
    return new LiveConfig(
        arxivApiUrl,
        oaiUrl,
        rssUrl,
        hfUrl,
        userAgent,
        arxivDelay,
        connectTimeout,
        requestTimeout,
        maxRetries,
        initialBackoff,
        maxWait,
        apiPageSize,
        apiMaxResults);
  }
}
