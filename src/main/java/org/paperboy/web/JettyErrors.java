package org.paperboy.web;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to requests Jetty refuses before they reach a route (a path with {@code %00}, an
 * ambiguous encoding): the API's JSON error {@code {"error": {"code", "message"}}} with the usual
 * security headers, instead of Jetty's own "Bad Message" HTML in ISO-8859-1. Always JSON: Jetty
 * refuses these while parsing, before the request has a path, so the error page cannot tell an API
 * call from a page (and no browser following a link sends such a request).
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String text = message == null || message.isBlank() ? "the request is malformed" : message;
    byte[] body = Json.bytes(Map.of("error", Map.of("code", Errors.code(code), "message", text)));
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Content-Security-Policy", Security.CSP);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    response.setStatus(code);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
