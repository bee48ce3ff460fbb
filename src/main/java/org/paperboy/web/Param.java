package org.paperboy.web;

import io.javalin.http.Context;
import org.paperboy.BadInputException;

/**
 * Reads one query parameter. A value with a control character is always a 400: no date, number,
 * mode or query holds one, and treating it as absent answers a question nobody asked. An empty or
 * blank value is a 400 under {@code /api/}; on pages it means absent, because a form sends its
 * empty fields ({@code /search?q=x&from=&to=}).
 */
final class Param {
  private Param() {}

  /** The value of {@code name}, stripped; null when absent (or empty on a page). */
  static String get(Context ctx, String name) {
    return read(ctx, name, false);
  }

  /** Free text ({@code q}): like {@link #get}, but tabs and line breaks are whitespace in it. */
  static String text(Context ctx, String name) {
    return read(ctx, name, true);
  }

  private static String read(Context ctx, String name, boolean text) {
    String v = ctx.queryParam(name);
    if (v == null) return null;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (text && (c == '\t' || c == '\n' || c == '\r')) continue;
      if (Character.isISOControl(c))
        throw new BadInputException(
            name + " holds a control character (U+" + String.format("%04X", (int) c) + ")");
    }
    if (v.isBlank()) {
      if (ctx.path().startsWith("/api/")) throw new BadInputException(name + " is empty");
      return null;
    }
    return v.strip();
  }
}
