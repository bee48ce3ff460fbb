package org.paperboy.ingest.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on a free local port that answers from a script of replies (usually recorded
 * responses) and remembers each request, with the fake time at which it arrived.
 */
final class ReplayServer implements AutoCloseable {

  record Request(String path, Map<String, String> params, String userAgent, Instant at) {
    String param(String name) {
      return params.get(name);
    }
  }

  record Reply(int status, Map<String, String> headers, byte[] body, boolean gzip) {
    static Reply ok(byte[] body) {
      return new Reply(200, Map.of(), body, false);
    }

    static Reply status(int status, String body, String... headerNamesAndValues) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < headerNamesAndValues.length; i += 2) {
        headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
      }
      return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8), false);
    }

    Reply gzipped() {
      return new Reply(status, headers, body, true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final InstantSource clock;
  private final Function<Request, Reply> script;
  private final List<Request> requests = new ArrayList<>();

  private ReplayServer(InstantSource clock, Function<Request, Reply> script) throws IOException {
    this.clock = clock;
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor); // a slow reply must not block the client's retry
    server.start();
  }

  static ReplayServer start(InstantSource clock, Function<Request, Reply> script)
      throws IOException {
    return new ReplayServer(clock, script);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request =
          new Request(
              exchange.getRequestURI().getPath(),
              params(exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders().getFirst("User-Agent"),
              clock.instant());
      synchronized (this) {
        requests.add(request);
      }
      Reply reply = script.apply(request);
      byte[] body = reply.body();
      if (reply.gzip()) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        body = gzip(body);
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (RuntimeException | Error e) {
      e.printStackTrace(); // visible in the surefire report when a script is wrong
      throw e;
    }
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(body);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
