package org.paperboy.ingest.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two bounded line readers, {@link BoundedLines} (chars) and {@link ByteLines} (bytes). */
class LineReadersTest {

  @Test
  void bounded_lines_split_like_readline_and_cut_long_ones() throws Exception {
    BoundedLines lines =
        new BoundedLines(new java.io.StringReader("ab\r\n\n0123456789X\nlast"), 10);

    assertThat(lines.next()).isEqualTo("ab");
    assertThat(lines.next()).isEmpty();
    assertThat(lines.tooLong()).isFalse();
    assertThat(lines.next()).isEmpty();
    assertThat(lines.tooLong()).isTrue();
    assertThat(lines.next()).isEqualTo("last");
    assertThat(lines.tooLong()).isFalse();
    assertThat(lines.next()).isNull();
  }

  @Test
  void byte_lines_split_like_readline_and_cut_long_ones() throws Exception {
    // A tiny first buffer is not possible from outside, so lines longer than the 16 kB start
    // buffer and a line straddling reads come from a stream that returns a few bytes per read.
    String longLine = "y".repeat(40_000);
    byte[] input = ("ab\r\n\n0123456789X\n" + longLine + "\nlast").getBytes(UTF_8);
    java.io.InputStream trickle =
        new java.io.ByteArrayInputStream(input) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    ByteLines lines = new ByteLines(trickle, 50_000);

    assertThat(lines.next()).isTrue();
    assertThat(new String(lines.bytes(), 0, lines.length(), UTF_8)).isEqualTo("ab");
    assertThat(lines.next()).isTrue();
    assertThat(lines.length()).isZero();
    assertThat(lines.isBlank()).isTrue();
    assertThat(lines.next()).isTrue();
    assertThat(lines.tooLong()).isFalse();
    assertThat(lines.length()).isEqualTo(11);
    assertThat(lines.next()).isTrue();
    assertThat(new String(lines.bytes(), 0, lines.length(), UTF_8)).isEqualTo(longLine);
    assertThat(lines.next()).isTrue();
    assertThat(new String(lines.bytes(), 0, lines.length(), UTF_8)).isEqualTo("last");
    assertThat(lines.next()).isFalse();

    ByteLines bounded = new ByteLines(new java.io.ByteArrayInputStream(input), 10);
    assertThat(bounded.next()).isTrue();
    assertThat(bounded.next()).isTrue();
    assertThat(bounded.next()).isTrue();
    assertThat(bounded.tooLong()).isTrue();
    assertThat(bounded.length()).isZero();
  }
}
