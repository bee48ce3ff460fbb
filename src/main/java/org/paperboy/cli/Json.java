package org.paperboy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.paperboy.PaperboyException;

/** One-line JSON for {@code --json} output (one object per line, easy to pipe into jq). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new PaperboyException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
