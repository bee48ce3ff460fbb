package org.paperboy.ingest.live;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;
import org.paperboy.PaperboyException;

/**
 * GET with manners: names itself with the configured User-Agent, keeps the pacer's spacing, and
 * retries what is worth retrying (5xx, 429, timeouts, connection errors) with exponential backoff
 * and jitter, or after exactly the wait a Retry-After header asks for. Other 4xx are not retried:
 * asking again will not fix a bad request.
 */
final class Http {
  private final LiveConfig config;
  private final HttpClient client;
  private final Pacer pacer;
  private final Sleeper sleeper;
  private final InstantSource clock;
  private final RandomGenerator random;

  Http(
      LiveConfig config,
      HttpClient client,
      Pacer pacer,
      Sleeper sleeper,
      InstantSource clock,
      RandomGenerator random) {
    this.config = config;
    this.client = client;
    this.pacer = pacer;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  /** An HttpClient with the configured connect timeout that follows redirects (not https->http). */
  static HttpClient newClient(LiveConfig config) {
    return HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * The body of a 2xx response to GET {@code uri}, waiting at least {@code gap} after the previous
   * request. Throws {@link HttpStatusException} for a 4xx other than 429, and {@link
   * PaperboyException} once the retries are used up.
   */
  byte[] get(URI uri, Duration gap) throws IOException {
    for (int attempt = 0; ; attempt++) {
      pacer.awaitTurn(gap);
      Duration wait;
      String problem;
      IOException cause = null;
      try {
        HttpResponse<byte[]> response = send(uri);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return body(response);
        }
        if (status != 429 && status < 500) {
          throw new HttpStatusException(uri, status, body(response));
        }
        problem = "HTTP " + status;
        Optional<String> header = response.headers().firstValue("Retry-After");
        Optional<Duration> asked = header.flatMap(h -> RetryAfter.parse(h, clock.instant()));
        if (asked.isPresent() && asked.get().compareTo(config.maxWait()) > 0) {
          throw new PaperboyException(
              uri
                  + " answered "
                  + problem
                  + " and asked to retry after "
                  + header.get().strip()
                  + ", longer than the "
                  + config.maxWait().toSeconds()
                  + " s paperboy waits;"
                  + " try again later");
        }
        wait = asked.isPresent() ? asked.get() : backoff(attempt);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        problem = describe(e);
        cause = e;
        wait = backoff(attempt);
      }
      if (attempt >= config.maxRetries()) {
        throw new PaperboyException(
            "gave up on " + uri + " after " + (attempt + 1) + " attempts; last: " + problem, cause);
      }
      sleeper.sleepOrAbort(wait);
    }
  }

  /** initialBackoff * 2^n, capped at maxWait, plus up to 25% jitter so clients do not stampede. */
  Duration backoff(int retry) {
    Duration base = config.initialBackoff().multipliedBy(1L << Math.min(retry, 20));
    if (base.compareTo(config.maxWait()) > 0) {
      base = config.maxWait();
    }
    long jitterMillis = (long) (base.toMillis() * 0.25 * random.nextDouble());
    Duration withJitter = base.plusMillis(jitterMillis);
    return withJitter.compareTo(config.maxWait()) > 0 ? config.maxWait() : withJitter;
  }

  private HttpResponse<byte[]> send(URI uri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("User-Agent", config.userAgent())
            .header("Accept-Encoding", "gzip")
            .GET()
            .build();
    // The request timeout of HttpClient stops at the headers; a server that trickles the body
    // would hang us, so the whole exchange gets the deadline.
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return future.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException(
          "no complete response within " + config.requestTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + uri);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new PaperboyException("fetching " + uri + " failed: " + e.getCause(), e.getCause());
    }
  }

  private static byte[] body(HttpResponse<byte[]> response) throws IOException {
    byte[] raw = response.body();
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .filter("gzip"::equalsIgnoreCase)
            .isPresent();
    if (!gzip) {
      return raw;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }
}
