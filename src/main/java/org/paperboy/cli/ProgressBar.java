package org.paperboy.cli;

import java.io.PrintWriter;
import org.paperboy.ingest.ProgressListener;

/**
 * A one-line progress display on stderr (records, records/s, percent and ETA when the size is
 * known), drawn only when stderr is a terminal so that scripts and logs stay clean.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  /** A bar on a terminal; a silent listener otherwise. */
  static ProgressBar forTerminal(PrintWriter err, String label) {
    return System.console() != null ? new ProgressBar(err, label) : new ProgressBar(null, label);
  }

  @Override
  public void update(long records, long bytesRead, long totalBytes) {
    if (err == null) return;
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) return;
    lastDraw = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    StringBuilder line = new StringBuilder("\r").append(label).append("  ");
    line.append(String.format("%,d records  %,.0f/s", records, records / seconds));
    if (totalBytes > 0 && bytesRead > 0) {
      double fraction = Math.min(1.0, (double) bytesRead / totalBytes);
      long eta = (long) (seconds / fraction - seconds);
      line.append(String.format("  %3.0f%%  ETA %d:%02d", fraction * 100, eta / 60, eta % 60));
    }
    err.print(line.append("   "));
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(Math.min(120, label.length() + 60)) + "\r");
      err.flush();
    }
  }
}
