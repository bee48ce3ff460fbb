package org.paperboy.ingest.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of an XML feed, one at a time, with the current line number.
 *
 * <p>Feeds are read as UTF-8 whatever their declaration says (arXiv only serves UTF-8). Bytes that
 * are not UTF-8, and characters XML 1.0 forbids (control characters that slip into abstracts), are
 * turned into U+FFFD here: one bad byte should blemish one field, not cost the whole record.
 */
final class XmlCharSource {
  private static final char REPLACEMENT = '\uFFFD';

  private final Reader reader;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private long line = 1;
  private int previous = -1;
  private boolean started;

  XmlCharSource(InputStream in) {
    this.reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /** The line of the last character read (1-based). */
  long line() {
    return line;
  }

  /** The next character without consuming it, or -1 at the end. */
  int peek() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  /** Consumes and returns the next character, or -1 at the end. */
  int read() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    char c = buf[pos++];
    // A line ends at \n, \r\n or a lone \r; the line number counts from the next character on.
    if (previous == '\n' || (previous == '\r' && c != '\n')) {
      line++;
    }
    previous = c;
    return c;
  }

  /**
   * The fast path for text: consumes the characters up to the next {@code '<'} (which stays
   * unread), appending them to {@code out} unless it is null. Stops after at most one buffer so the
   * caller can watch how much it has collected. Returns false at the end of the input.
   */
  boolean text(StringBuilder out) throws IOException {
    if (pos == len && !fill()) {
      return false;
    }
    int start = pos;
    int p = pos;
    int prev = previous;
    long lines = line;
    while (p < len) {
      char c = buf[p];
      if (c == '<') break;
      if (prev == '\n' || (prev == '\r' && c != '\n')) lines++;
      prev = c;
      p++;
    }
    previous = prev;
    line = lines;
    pos = p;
    if (out != null) {
      out.append(buf, start, p - start);
    }
    return true;
  }

  /**
   * The fast path for tags: consumes the rest of a tag up to and including its {@code '>'},
   * skipping over quoted attribute values, and appends it to {@code out}. Returns false, with the
   * offending {@code '<'} left unread, when the tag is broken: a {@code '<'} never belongs inside a
   * tag. Also false at the end of the input or once {@code out} is longer than {@code limit}.
   */
  boolean tag(StringBuilder out, int limit) throws IOException {
    char quote = 0;
    while (pos < len || fill()) {
      int start = pos;
      int p = pos;
      int prev = previous;
      long lines = line;
      boolean closed = false;
      boolean broken = false;
      while (p < len) {
        char c = buf[p];
        if (c == '<') {
          broken = true;
          break;
        }
        if (prev == '\n' || (prev == '\r' && c != '\n')) lines++;
        prev = c;
        p++;
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          closed = true;
          break;
        }
      }
      previous = prev;
      line = lines;
      pos = p;
      out.append(buf, start, p - start);
      if (closed) return true;
      if (broken || out.length() > limit) return false;
    }
    return false;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = reader.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    len = n;
    if (!started) {
      started = true;
      if (buf[0] == '\uFEFF') {
        pos = 1; // a byte order mark is not content
      }
    }
    sanitize();
    return pos < len || fill();
  }

  /** Replaces characters that XML 1.0 does not allow, so StAX does not reject their record. */
  private void sanitize() {
    for (int i = pos; i < len; i++) {
      char c = buf[i];
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') buf[i] = REPLACEMENT;
      } else if (c == '\uFFFE' || c == '\uFFFF') {
        buf[i] = REPLACEMENT;
      }
    }
  }
}
