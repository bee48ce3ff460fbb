package org.paperboy.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Answers a GET that a client may already hold (RFC 9110 §13): an {@code ETag} made from the body,
 * and a {@code Last-Modified} where the body has a date of its own (a feed's newest entry); a
 * matching {@code If-None-Match}, or without one an {@code If-Modified-Since} not before that date,
 * gets a 304 with no body. Feed readers poll; this makes a poll that finds nothing new cheap.
 */
final class Conditional {
  private Conditional() {}

  static void send(Context ctx, String contentType, byte[] body, Instant lastModified) {
    String etag = "\"" + hash(body) + "\"";
    ctx.header("ETag", etag);
    Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
    if (modified != null)
      ctx.header(
          "Last-Modified",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
    if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, modified)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(contentType).result(body);
  }

  static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant at) {
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.strip();
        if (t.startsWith("W/")) t = t.substring(2);
        if (t.equals("*") || t.equals(etag)) return true;
      }
      return false; // §13.2.2: If-Modified-Since is ignored when If-None-Match is present
    }
    if (ifModifiedSince == null || at == null) return false;
    try {
      Instant since =
          ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      return !at.isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an unreadable date is ignored, as the RFC says
    }
  }

  private static String hash(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
