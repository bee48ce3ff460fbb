package org.paperboy.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Lines of a byte stream, as bytes: the Kaggle parser hands them to Jackson undecoded, which
 * decodes UTF-8 only inside string values. (Decoding every line to chars and copying it into a
 * String first cost a quarter of the reader thread on bulk ingest.) Like {@link BoundedLines},
 * never holds more than {@code max} bytes of one line; lines end at {@code \n}, a {@code \r} before
 * it is dropped, and a UTF-8 byte order mark at the start of the stream is skipped.
 */
public final class ByteLines {
  private final InputStream in;
  private final int max;
  private final byte[] buf = new byte[1 << 16];
  private byte[] line = new byte[1 << 14];
  private int length;
  private int pos;
  private int end;
  private boolean tooLong;
  private boolean started;

  public ByteLines(InputStream in, int max) {
    this.in = in;
    this.max = max;
  }

  /**
   * Reads the next line into {@link #bytes()}[0, {@link #length()}); false at the end. After a line
   * longer than max, the line is empty and {@link #tooLong} is true.
   */
  public boolean next() throws IOException {
    length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end && !fill()) {
        if (any) trimCarriageReturn();
        return any;
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') pos++;
      append(start, pos - start);
      if (pos < end) {
        pos++; // the '\n'
        trimCarriageReturn();
        return true;
      }
    }
  }

  public byte[] bytes() {
    return line;
  }

  public int length() {
    return length;
  }

  /** Whether the line just read was cut off for being longer than max bytes. */
  public boolean tooLong() {
    return tooLong;
  }

  /** True when the line holds only ASCII whitespace. */
  public boolean isBlank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) return false;
    }
    return true;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) return false;
    pos = 0;
    end = n;
    if (!started) {
      started = true;
      if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        pos = 3;
      }
    }
    return true;
  }

  private void append(int from, int n) {
    if (tooLong) return;
    if (length + n > max) {
      tooLong = true;
      length = 0;
      return;
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(length + n, Math.min(max, line.length * 2)));
    }
    System.arraycopy(buf, from, line, length, n);
    length += n;
  }

  private void trimCarriageReturn() {
    if (length > 0 && line[length - 1] == '\r') length--;
  }
}
