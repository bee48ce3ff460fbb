package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP answers: {@link BadInputException} 400, {@link
 * NotFoundException} 404, {@link ForbiddenException} 403, {@link TooManyRequestsException} 429,
 * anything else 500 (logged, and shown without details). The API gets {@code {"error": {"code",
 * "message"}}}, pages get an HTML page with the same message.
 */
final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);
  private static final String HANDLED = "paperboy.error-handled";

  private Errors() {}

  static void install(RoutesConfig routes) {
    routes.exception(Exception.class, (e, ctx) -> respond(ctx, e));
    // Routes that do not exist and static files that are not there: the same 404 as a missing
    // paper.
    routes.error(
        404,
        ctx -> {
          if (ctx.attribute(HANDLED) == null)
            render(ctx, 404, "not_found", "there is no page at " + ctx.path());
        });
    routes.error(
        405,
        ctx -> {
          if (ctx.attribute(HANDLED) == null)
            render(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed here");
        });
  }

  static void respond(Context ctx, Exception e) {
    int status = status(e);
    String message = e.getMessage();
    if (status == 500) {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      message = "something went wrong on our side; the log has the details";
    }
    render(ctx, status, code(status), message);
  }

  static int status(Exception e) {
    if (e instanceof BadInputException) return 400;
    if (e instanceof ForbiddenException) return 403;
    if (e instanceof NotFoundException) return 404;
    if (e instanceof MethodNotAllowedException) return 405;
    if (e instanceof TooManyRequestsException) return 429;
    if (e instanceof HttpResponseException h) return h.getStatus();
    return 500;
  }

  static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 429 -> "rate_limited";
      default -> status >= 500 ? "internal" : "error";
    };
  }

  private static void render(Context ctx, int status, String code, String message) {
    ctx.attribute(HANDLED, true);
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      Json.send(
          ctx, Map.of("error", Map.of("code", code, "message", message == null ? code : message)));
      return;
    }
    String title =
        switch (status) {
          case 404 -> "Not found";
          case 400 -> "Bad request";
          case 403 -> "Not allowed";
          case 405 -> "Method not allowed";
          case 429 -> "Too many requests";
          default -> "Error";
        };
    Html body =
        new Html()
            .raw("<h1>")
            .text(title)
            .raw("</h1><p class=\"error\">")
            .text(message)
            .raw("</p>")
            .raw("<p><a href=\"/\">Back to today's papers</a></p>");
    ctx.html(Layout.page(ctx, title, body));
  }
}
