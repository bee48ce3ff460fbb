package org.paperboy.ingest.live;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * How live sources talk to the outside world: where the services are, who we say we are, and how
 * patiently we retry. The service URLs and the User-Agent are configured ({@code live.*}, see
 * docs/configuration.md); the rest are these defaults.
 *
 * @param arxivApiUrl the arXiv API query endpoint
 * @param oaiUrl the arXiv OAI-PMH endpoint
 * @param rssUrl the arXiv RSS prefix; categories are appended ({@code .../rss/cs.AI+cs.CL})
 * @param hfUrl the Hugging Face daily papers endpoint
 * @param userAgent sent with every request; arXiv asks clients to name themselves and a contact
 * @param arxivDelay the least time between the starts of two arXiv requests (arXiv asks for 3 s)
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole response, body included
 * @param maxRetries retries after the first attempt on 5xx, 429, timeouts and connection errors
 * @param initialBackoff the first backoff; it doubles with each retry, plus up to 25% jitter
 * @param maxWait the longest single wait: backoff stops growing here, and a server asking for a
 *     longer Retry-After makes us give up instead of hanging
 * @param apiPageSize results per arXiv API request (arXiv allows at most 2000)
 * @param apiMaxResults the most results one {@code api:} search fetches
 */
public record LiveConfig(
    URI arxivApiUrl,
    URI oaiUrl,
    URI rssUrl,
    URI hfUrl,
    String userAgent,
    Duration arxivDelay,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxWait,
    int apiPageSize,
    int apiMaxResults) {

  public static final String DEFAULT_USER_AGENT = "paperboy/0.1 (+https://github.com/paperboy)";

  public LiveConfig {
    requireNonNull(arxivApiUrl, "arxivApiUrl");
    requireNonNull(oaiUrl, "oaiUrl");
    requireNonNull(rssUrl, "rssUrl");
    requireNonNull(hfUrl, "hfUrl");
    requireNonNull(userAgent, "userAgent");
    requireNonNegative(arxivDelay, "arxivDelay");
    requireNonNegative(connectTimeout, "connectTimeout");
    requireNonNegative(requestTimeout, "requestTimeout");
    requireNonNegative(initialBackoff, "initialBackoff");
    requireNonNegative(maxWait, "maxWait");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (apiPageSize < 1 || apiPageSize > 2000) {
      throw new IllegalArgumentException(
          "apiPageSize must be 1..2000 (arXiv's limit), was " + apiPageSize);
    }
    if (apiMaxResults < 1) {
      throw new IllegalArgumentException("apiMaxResults must be >= 1, was " + apiMaxResults);
    }
  }

  /** The real services, a 3 s arXiv delay, 4 retries, 100 results per page and at most 1000. */
  public static LiveConfig defaults() {
    return of(
        URI.create("https://export.arxiv.org/api/query"),
        URI.create("https://oaipmh.arxiv.org/oai"),
        URI.create("https://rss.arxiv.org/rss/"),
        URI.create("https://huggingface.co/api/daily_papers"),
        DEFAULT_USER_AGENT);
  }

  /**
   * The configured part (service URLs and User-Agent, {@code live.*}) with the default delay,
   * timeouts, retries and paging, which are not configured.
   */
  public static LiveConfig of(URI arxivApi, URI oai, URI rss, URI hf, String userAgent) {
    return new LiveConfig(
        arxivApi,
        oai,
        rss,
        hf,
        userAgent,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        Duration.ofSeconds(120),
        4,
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        100,
        1000);
  }

  private static void requireNonNegative(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
  }
}
