package org.paperboy.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperboy.NotFoundException;
import org.paperboy.PaperboyException;

/**
 * The stylesheet and the icon, under names that carry a hash of their content ({@code
 * /static/app.1a2b3c4d5e.css}): a new version is a new name, so a browser may keep one for a year
 * without asking again. The plain names still answer, with an hour's caching, for links from
 * before. Nothing here sets a cookie.
 */
final class StaticAssets {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String SHORT = "public, max-age=3600";

  private record Asset(String name, String path, String type, byte[] bytes) {}

  private static final Map<String, Asset> BY_NAME =
      List.of(load("app.css", "text/css; charset=utf-8"), load("favicon.svg", "image/svg+xml"))
          .stream()
          .collect(Collectors.toUnmodifiableMap(Asset::name, Function.identity()));

  private StaticAssets() {}

  /** The fingerprinted path of {@code name} ("app.css"), for links in pages. */
  static String path(String name) {
    Asset a = BY_NAME.get(name);
    if (a == null) throw new PaperboyException("no static asset " + name);
    return a.path();
  }

  /** {@code GET /static/{name}}. */
  static void serve(Context ctx) {
    String name = ctx.pathParam("name");
    for (Asset a : BY_NAME.values()) {
      boolean current = ("/static/" + name).equals(a.path());
      if (current || name.equals(a.name())) {
        ctx.header("Cache-Control", current ? IMMUTABLE : SHORT);
        ctx.contentType(a.type()).result(a.bytes());
        return;
      }
    }
    throw new NotFoundException("there is no page at " + ctx.path());
  }

  private static Asset load(String name, String type) {
    String resource = "/web/static/" + name;
    try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
      if (in == null) throw new PaperboyException("the jar lacks " + resource);
      byte[] bytes = in.readAllBytes();
      String hash =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
              .substring(0, 10);
      int dot = name.lastIndexOf('.');
      String path = "/static/" + name.substring(0, dot) + "." + hash + name.substring(dot);
      return new Asset(name, path, type, bytes);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new PaperboyException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
