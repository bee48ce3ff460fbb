package org.paperboy.ingest;

/**
 * Told now and then how a long ingest is going. {@code totalBytes} is -1 when the size is unknown
 * (a live source); {@code bytesRead} counts the raw (possibly compressed) bytes read so far.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (records, bytesRead, totalBytes) -> {};

  void update(long records, long bytesRead, long totalBytes);
}
