package org.paperboy.ingest.live;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.paperboy.PaperboyException;
import org.paperboy.time.Pacer;
import org.paperboy.time.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET with manners: names itself with the configured User-Agent, keeps the pacer's spacing, and
 * retries what is worth retrying (5xx, 429, timeouts, connection errors) with exponential backoff
 * and jitter, or after exactly the wait a Retry-After header asks for. Other 4xx are not retried:
 * asking again will not fix a bad request.
 */
final class Http {
  private static final Logger log = LoggerFactory.getLogger(Http.class);

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
    return get(uri, gap, body -> true);
  }

  /**
   * As {@link #get(URI, Duration)}, but a 2xx body that fails {@code whole} counts as a failed
   * attempt and is fetched again: a page cut short would otherwise read as a short last page, and a
   * paging client would stop early and believe it had everything.
   */
  byte[] get(URI uri, Duration gap, Predicate<byte[]> whole) throws IOException {
    for (int attempt = 0; ; attempt++) {
      pacer.awaitTurn(gap);
      Duration wait;
      String problem;
      IOException cause = null;
      try {
        HttpResponse<byte[]> response = send(uri);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          byte[] body = body(response);
          if (whole.test(body)) {
            return body;
          }
          problem = "HTTP " + status + " with an incomplete body (" + body.length + " bytes)";
          wait = backoff(attempt);
        } else if (status != 429 && status < 500) {
          throw new HttpStatusException(uri, status, body(response));
        } else {
          problem = "HTTP " + status;
          wait = retryAfter(uri, response).orElse(backoff(attempt));
        }
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
      log.warn(
          "{} from {}; trying again in {} s (attempt {} of {})",
          problem,
          uri,
          wait.toMillis() / 1000.0,
          attempt + 2,
          config.maxRetries() + 1);
      sleeper.sleepOrAbort(wait);
    }
  }

  /** The wait a Retry-After header asks for; one longer than maxWait ends the fetch instead. */
  private Optional<Duration> retryAfter(URI uri, HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    Optional<Duration> asked = header.flatMap(h -> RetryAfter.parse(h, clock.instant()));
    if (asked.isPresent() && asked.get().compareTo(config.maxWait()) > 0) {
      throw new PaperboyException(
          String.format(
              "%s answered HTTP %d and asked to retry after %s, longer than the %d s paperboy"
                  + " waits; try again later",
              uri, response.statusCode(), header.get().strip(), config.maxWait().toSeconds()));
    }
    return asked;
  }

  /**
   * A test that an XML body ends with the closing tag of one of {@code roots} (any namespace
   * prefix), i.e. that it arrived whole.
   */
  static Predicate<byte[]> endsWithClosingTag(String... roots) {
    Pattern closing =
        Pattern.compile(
            "</(?:[\\w.-]+:)?(?:"
                + Arrays.stream(roots).map(Pattern::quote).collect(Collectors.joining("|"))
                + ")>\\s*$");
    return body -> {
      int from = Math.max(0, body.length - 256);
      String tail = new String(body, from, body.length - from, StandardCharsets.ISO_8859_1);
      return closing.matcher(tail).find();
    };
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
    // HttpClient's own request timeout is only sure to cover the wait for the headers; a server
    // that trickles the body would hang us, so the whole exchange gets the deadline.
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
