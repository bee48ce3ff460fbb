package org.paperboy.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request metrics for {@code /metrics} (Prometheus text format) and the access log, both fed from
 * Javalin's request logger so every request is counted once. The access log leaves out query
 * strings: a sign-in link carries its token there.
 */
final class Metrics implements AutoCloseable {
  private static final Logger access = LoggerFactory.getLogger("paperboy.access");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  // One timer per method, route and status, found by a string instead of building and sorting a
  // meter id on every request.
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  void record(Context ctx, Float millis) {
    int status = ctx.statusCode();
    String method = ctx.method().name();
    String route = route(ctx);
    timers
        .computeIfAbsent(
            method + ' ' + status + ' ' + route,
            k ->
                Timer.builder("http.server.requests")
                    .description("HTTP requests by route, method and status")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram(false)
                    .register(registry))
        .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    access.info(
        "{} {} {} {} {}ms",
        ctx.ip(),
        ctx.method(),
        ctx.path(),
        status,
        String.format("%.1f", millis));
  }

  /** The route template, so that each paper does not become its own time series. */
  private static String route(Context ctx) {
    try {
      Endpoint e = ctx.endpoints().lastHttpEndpoint();
      return e == null || e.path.isEmpty() ? "unmatched" : e.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
