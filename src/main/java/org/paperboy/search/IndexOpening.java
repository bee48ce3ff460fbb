package org.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.paperboy.PaperboyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the index in a directory: as its writer when this process gets the lock, else read-only.
 * Only the lock holder replaces an index it cannot use (missing, corrupt, another layout or model,
 * or no change sequence recorded); a process without the lock never wipes or rebuilds it, whatever
 * its own settings, and searches what the holder committed.
 */
final class IndexOpening {
  private static final Logger log = LoggerFactory.getLogger(IndexOpening.class);

  /** Bump when fields or analysis change: an index written with another layout is rebuilt. */
  // 2: the abstract indexed with offsets, for snippets; 3: the title twice in the text field,
  // which carries the offsets, no title clauses in free-word queries, and PaperCodec's small
  // stored-field chunks
  static final String LAYOUT = "3";

  static final String LAYOUT_KEY = "paperboy.layout";

  /** The embedding model the vectors came from ("none" without vectors): a change means rebuild. */
  static final String MODEL_KEY = "paperboy.vectors";

  /** The change sequence up to which the commit holds everything the store had (see Following). */
  static final String SEQ_KEY = "paperboy.change-seq";

  private IndexOpening() {}

  /** An opened index: {@code writer} null when another process holds the lock. */
  record Opened(FSDirectory directory, IndexWriter writer, boolean needsRebuild, long appliedSeq) {}

  static Opened open(Path dir, String vectors) {
    FSDirectory d = null;
    try {
      Files.createDirectories(dir);
      d = FSDirectory.open(dir);
      return open(d, dir, vectors);
    } catch (IOException | RuntimeException e) {
      try {
        if (d != null) d.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof PaperboyException p) throw p;
      throw new PaperboyException(
          "cannot open the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Opened open(FSDirectory d, Path dir, String vectors) throws IOException {
    IndexWriter w;
    try {
      w = new IndexWriter(d, IndexSetup.config(OpenMode.CREATE_OR_APPEND));
    } catch (LockObtainFailedException locked) {
      return readOnly(d, dir, vectors);
    } catch (IOException | RuntimeException unreadable) {
      log.warn("search index at {} is unreadable ({}); rebuilding it", dir, unreadable.toString());
      w = replaceUnreadable(d, dir);
      return emptied(d, w, vectors);
    }
    String problem = problemWith(d, vectors);
    if (problem == null) return new Opened(d, w, false, appliedSeq(d));
    log.info("search index at {} {}; building it from the store", dir, problem);
    return emptied(d, w, vectors);
  }

  /**
   * Deletes the files of an index that cannot be read, holding its lock (so never under a live
   * holder), and starts an empty one. The lock is let go between the two for the writer to take; a
   * process that takes it first finds an empty directory and builds the index itself.
   */
  private static IndexWriter replaceUnreadable(FSDirectory d, Path dir) throws IOException {
    try (Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
      for (String f : d.listAll()) {
        if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) d.deleteFile(f);
      }
    } catch (LockObtainFailedException locked) {
      throw new PaperboyException(
          "the search index at "
              + dir
              + " is unreadable and another paperboy process holds it; stop that process and"
              + " start it again to rebuild the index",
          locked);
    }
    return new IndexWriter(d, IndexSetup.config(OpenMode.CREATE));
  }

  /** Empties the index under its lock, committed at once: a crash now leaves an empty index. */
  private static Opened emptied(FSDirectory d, IndexWriter w, String vectors) throws IOException {
    w.deleteAll();
    w.setLiveCommitData(commitData(vectors, 0).entrySet());
    w.commit();
    return new Opened(d, w, true, 0);
  }

  private static Opened readOnly(FSDirectory d, Path dir, String vectors) throws IOException {
    if (!DirectoryReader.indexExists(d)) {
      throw new PaperboyException(
          "the search index at "
              + dir
              + " is being built by another paperboy process; try again when it is done");
    }
    String problem = problemWith(d, vectors);
    if (problem != null) {
      // Not ours to fix: the holder decides (e.g. a serve with embeddings on beside a command
      // with them off); searches here use what the holder built.
      log.debug(
          "search index at {} {}; another paperboy process holds it, leaving it", dir, problem);
    }
    return new Opened(d, null, false, appliedSeq(d));
  }

  /** The commit user data for an index over {@code vectors}, complete up to {@code seq}. */
  static Map<String, String> commitData(String vectors, long seq) {
    return Map.of(LAYOUT_KEY, LAYOUT, MODEL_KEY, vectors, SEQ_KEY, Long.toString(seq));
  }

  /** Why the index cannot be used, or null when it can. Opening all segments is the check. */
  private static String problemWith(FSDirectory d, String vectors) {
    try {
      if (!DirectoryReader.indexExists(d)) return "does not exist";
      try (DirectoryReader r = DirectoryReader.open(d)) {
        Map<String, String> data = r.getIndexCommit().getUserData();
        String layout = data.get(LAYOUT_KEY);
        if (!LAYOUT.equals(layout)) return "has layout " + layout + ", expected " + LAYOUT;
        String model = data.get(MODEL_KEY);
        if (!vectors.equals(model)) return "has vectors from " + model + ", expected " + vectors;
        if (!data.containsKey(SEQ_KEY)) return "records no change sequence (an older paperboy)";
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return "is unreadable (" + e + ")";
    }
  }

  private static long appliedSeq(FSDirectory d) throws IOException {
    if (!DirectoryReader.indexExists(d)) return 0;
    try (DirectoryReader r = DirectoryReader.open(d)) {
      String seq = r.getIndexCommit().getUserData().get(SEQ_KEY);
      return seq == null ? 0 : Long.parseLong(seq);
    }
  }
}
