package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a JSON array (or a sequence of top-level values, as in JSON lines) into the text of each
 * entry, by bracket depth outside strings, so that an entry with broken syntax costs only itself:
 * Jackson cannot find the next value after a syntax error, this can. Only a string or a bracket
 * left open (a truncated file) ends the reading early.
 */
final class JsonEntries {
  /** An entry's text and where it starts (1-based), or what went wrong before one could be cut. */
  record Entry(String text, long line, long column, boolean truncated) {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,64})\"");

    /** The entry's paper id as written, for messages about an entry that does not parse. */
    String id() {
      Matcher m = ID.matcher(text);
      return m.find() ? m.group(1) : null;
    }
  }

  private static final int MAX_ENTRY_CHARS = 16 << 20;

  private final Reader in;
  private final boolean array;
  private int peeked = -2;
  private long line = 1, column = 0;
  private boolean done, unclosed;

  /** {@code in} is positioned after the opening '[' ({@code array}) or at the first value. */
  JsonEntries(Reader in, boolean array, long line, long column) {
    this.in = in;
    this.array = array;
    this.line = line;
    this.column = column;
  }

  /** The next entry, or null at the end of the array or input. */
  Entry next() throws IOException {
    if (done) return null;
    int c = skipSpace();
    if (array && c == ',') {
      read();
      c = skipSpace();
    }
    if (c < 0 || (array && c == ']')) {
      done = true;
      unclosed = array && c < 0;
      return null;
    }
    long startLine = line, startColumn = column + 1;
    StringBuilder text = new StringBuilder(4096);
    int depth = 0;
    boolean inString = false, escaped = false;
    while (true) {
      c = peek();
      if (c < 0) {
        done = true;
        boolean open = inString || depth > 0;
        return new Entry(text.toString(), startLine, startColumn, open || array);
      }
      if (!inString && depth == 0 && text.length() > 0) {
        // a value ends at the separator (array) or when its brackets close (a sequence)
        if (array && (c == ',' || c == ']')) break;
        if (!array && (Character.isWhitespace(c) || c == '{' || c == '[')) break;
      }
      read();
      if (text.length() < MAX_ENTRY_CHARS) text.append((char) c);
      if (inString) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (!array && depth <= 0) break;
      }
    }
    return new Entry(text.toString().strip(), startLine, startColumn, false);
  }

  /** After the last entry: the array was never closed (the file looks truncated). */
  boolean unclosed() {
    return unclosed;
  }

  /** The line reading stopped on. */
  long line() {
    return line;
  }

  private int skipSpace() throws IOException {
    while (peek() >= 0 && Character.isWhitespace(peek())) read();
    return peek();
  }

  private int peek() throws IOException {
    if (peeked == -2) peeked = in.read();
    return peeked;
  }

  private void read() throws IOException {
    int c = peek();
    peeked = -2;
    if (c == '\n') {
      line++;
      column = 0;
    } else {
      column++;
    }
  }
}
