package org.paperboy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.paperboy.PaperboyException;

/** JSON responses, written with one shared mapper. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static final String TYPE = "application/json; charset=utf-8";

  /** Answers with {@code value}, with an ETag, so a client holding it gets a 304. */
  static void send(Context ctx, Object value) {
    send(ctx, bytes(value));
  }

  static void send(Context ctx, byte[] json) {
    Conditional.send(ctx, TYPE, json, null);
  }

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new PaperboyException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new PaperboyException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
