package org.paperboy.ingest.formats;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text chores the feed parsers share. */
final class FeedText {
  /** "A, B and C", "A, B, and C", "A and B": commas and the word "and" separate authors. */
  private static final Pattern AUTHOR_SEPARATOR =
      Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

  private FeedText() {}

  /**
   * Opens feed bytes as UTF-8 text that cannot fail on bad bytes: a truncated download or a stray
   * Latin-1 byte becomes U+FFFD in one field instead of losing the whole file. A leading byte-order
   * mark is dropped because neither the XML nor the JSON parsers accept it on a Reader.
   */
  static BufferedReader reader(InputStream in) throws IOException {
    CharsetDecoder decoder =
        UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  /** Trims; empty and blank become null, because "no value" must look the same in every format. */
  static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Splits a one-string author list; blank pieces (", ,") are dropped. */
  static List<String> splitAuthors(String s) {
    List<String> authors = new ArrayList<>();
    if (s == null) {
      return authors;
    }
    for (String part : AUTHOR_SEPARATOR.split(s.strip())) {
      String name = trimToNull(part);
      if (name != null) {
        authors.add(name);
      }
    }
    return authors;
  }
}
