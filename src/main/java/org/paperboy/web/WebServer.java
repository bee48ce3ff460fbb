package org.paperboy.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.paperboy.app.Paperboy;
import org.paperboy.paper.Paper;

/**
 * The HTTP face of paperboy. For now a single page listing the latest papers and a health check;
 * the full web app (daily, trending, search, paper pages) builds on this server.
 */
public final class WebServer implements AutoCloseable {
  private static final int PAGE_SIZE = 100;

  private final Paperboy app;
  private final Javalin javalin;

  public WebServer(Paperboy app) {
    this.app = app;
    this.javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.defaultContentType = "text/html; charset=utf-8";
            });
    javalin.get("/", this::index);
    javalin.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
  }

  /** Starts on {@code port} (0 picks a free one) and returns the port in use. */
  public int start(String host, int port) {
    javalin.start(host, port);
    return javalin.port();
  }

  private void index(Context ctx) {
    long count = app.papers().count();
    List<Paper> latest = app.papers().latest(PAGE_SIZE);
    ctx.header("Content-Security-Policy", "default-src 'self'");
    ctx.html(IndexPage.render(count, latest));
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
