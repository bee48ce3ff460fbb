package org.paperboy.ingest.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine} but never holds more than {@code max}
 * characters of one: a corrupt or binary file with no line breaks must cost a rejected line, not
 * the heap. Lines end at {@code \n}; a {@code \r} before it is dropped.
 *
 * <p>{@link ByteLines} is the same loop over bytes. They stay two because their users count
 * differently: the listing format bounds a line in characters of decoded text (and says so in its
 * reject message), the Kaggle parser in bytes it hands to Jackson undecoded; one class over both
 * would need a char[] and a byte[] copy of every loop anyway, as Java has no generics over them.
 */
public final class BoundedLines {
  private final Reader in;
  private final int max;
  private final char[] buf = new char[1 << 16];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int end;
  private boolean tooLong;

  public BoundedLines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /**
   * The next line, or null at the end. After a line longer than max, returns "" and {@link
   * #tooLong} is true.
   */
  public String next() throws IOException {
    line.setLength(0);
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
          return any ? finish() : null;
        }
        pos = 0;
        end = n;
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') {
        pos++;
      }
      if (!tooLong) {
        if (line.length() + (pos - start) > max) {
          tooLong = true;
          line.setLength(0);
        } else {
          line.append(buf, start, pos - start);
        }
      }
      if (pos < end) {
        pos++; // the '\n'
        return finish();
      }
    }
  }

  /** Whether the line just returned was cut off for being longer than max characters. */
  public boolean tooLong() {
    return tooLong;
  }

  private String finish() {
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    return line.toString();
  }
}
