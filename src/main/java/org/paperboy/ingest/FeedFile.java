package org.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.paperboy.BadInputException;
import org.paperboy.ingest.formats.Format;

/**
 * A feed file opened for reading: gzip detected by its magic bytes (not its name), the format
 * sniffed from the first bytes unless one is forced, the raw bytes counted for progress and ETA.
 */
final class FeedFile implements AutoCloseable {
  private static final int SNIFF_BYTES = 64 * 1024;

  final InputStream content;
  final Format format;
  final long size;
  private final CountingInputStream raw;

  private FeedFile(InputStream content, Format format, long size, CountingInputStream raw) {
    this.content = content;
    this.format = format;
    this.size = size;
    this.raw = raw;
  }

  static FeedFile open(Path file, Format forced) throws IOException {
    if (!Files.exists(file)) throw new BadInputException("no such file: " + file);
    if (Files.isDirectory(file))
      throw new BadInputException(file + " is a directory, not a feed file");
    if (!Files.isReadable(file))
      throw new BadInputException("cannot read " + file + ": permission denied");
    long size = Files.size(file);
    CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      InputStream content =
          isGzip(in) ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
      Format format = forced != null ? forced : sniff(content, file);
      return new FeedFile(content, format, size, raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  long bytesRead() {
    return raw.count;
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b;
  }

  private static Format sniff(InputStream in, Path file) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = new byte[SNIFF_BYTES];
    int n = in.readNBytes(head, 0, head.length);
    in.reset();
    Format format = Format.sniff(head, n);
    if (format == null) {
      throw new BadInputException(
          "cannot tell the format of "
              + file
              + (n == 0 ? " (it is empty)" : "")
              + "; pass --format with one of: "
              + Format.supportedNames());
    }
    return format;
  }

  @Override
  public void close() throws IOException {
    content.close();
  }

  /** Counts bytes as they are read, for a progress bar over a file of known size. */
  static final class CountingInputStream extends FilterInputStream {
    volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
