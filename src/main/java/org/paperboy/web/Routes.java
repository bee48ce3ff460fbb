package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The app's routes, registered so that every one answers HTTP as clients expect: a GET route also
 * answers HEAD by running its handler (Javalin alone answers HEAD 200 whenever a GET route matches,
 * without running it, so a missing paper looked present); every POST route checks the form's origin
 * and CSRF token first; and any other method on a known path is 405 with an {@code Allow} header
 * (Javalin alone says 404, or 403 for a POST without a token). Call {@link #finish} after the last
 * route.
 */
final class Routes {
  // CONNECT never reaches a route: Jetty answers it.
  private static final List<HandlerType> OTHERS =
      List.of(
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE,
          HandlerType.OPTIONS,
          HandlerType.TRACE,
          HandlerType.QUERY,
          HandlerType.GET,
          HandlerType.POST);

  private final RoutesConfig routes;
  private final Security security;
  private final Map<String, Set<String>> allowed = new LinkedHashMap<>();

  Routes(RoutesConfig routes, Security security) {
    this.routes = routes;
    this.security = security;
  }

  void get(String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler); // Jetty sends no body for HEAD: the headers and status stay GET's
    allow(path, "GET", "HEAD");
  }

  void post(String path, Handler handler) {
    routes.post(
        path,
        ctx -> {
          security.checkPost(ctx);
          handler.handle(ctx);
        });
    allow(path, "POST");
  }

  /** Adds the 405 answers: every method a known path has no route for. */
  void finish() {
    allowed.forEach(
        (path, methods) -> {
          String allow = String.join(", ", methods);
          for (HandlerType method : OTHERS) {
            if (methods.contains(method.name())) continue;
            routes.addEndpoint(
                new Endpoint(
                    method,
                    path,
                    ctx -> {
                      ctx.header("Allow", allow);
                      throw new MethodNotAllowedException(method.name() + " is not allowed here");
                    }));
          }
        });
  }

  private void allow(String path, String... methods) {
    Set<String> set = allowed.computeIfAbsent(path, p -> new TreeSet<>());
    set.addAll(List.of(methods));
  }
}
