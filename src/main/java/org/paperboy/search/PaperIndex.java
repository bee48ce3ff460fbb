package org.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.paperboy.PaperboyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one {@link IndexWriter}, one {@link SearcherManager} refreshed before
 * the first search after a write, so a paper is searchable when ingest returns (without the writer,
 * when another process holds it, every second on a named thread, to follow that process's commits).
 * A missing, corrupt or outdated index is replaced by an empty one and reported through {@link
 * #needsRebuild()}; the store is the source of truth and the caller refills it.
 *
 * <p>Writes become visible through near-real-time refreshes, not commits: a commit fsyncs every new
 * file, and committing each ingest batch made ingest four times slower. Commits happen every
 * {@value #COMMIT_SECONDS} s while there are changes, after a rebuild and on close. Between a write
 * and its commit a marker file says the index on disk lacks something the store has; a process that
 * dies then leaves it behind, and the next one to open the index rebuilds it.
 *
 * <p>Changes run concurrently (Lucene's writer is thread-safe, and a rebuild analyses on several
 * threads); each holds the read side of {@code changes}. A commit, a merge or a wipe holds the
 * write side, so a commit never removes the marker while a change it does not include is under way.
 */
final class PaperIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);

  /** Bump when fields or analysis change: an index written with another layout is rebuilt. */
  // 2: the abstract indexed with offsets, for snippets; 3: the title twice in the text field,
  // which carries the offsets, no title clauses in free-word queries, and PaperCodec's small
  // stored-field chunks
  static final String LAYOUT = "3";

  private static final String LAYOUT_KEY = "paperboy.layout";

  /** The embedding model the vectors came from ("none" without vectors): a change means rebuild. */
  private static final String MODEL_KEY = "paperboy.vectors";

  static final int COMMIT_SECONDS = 30;

  /** Present while the writer holds changes not yet committed (see the class comment). */
  static final String UNCOMMITTED = "paperboy-uncommitted";

  private final Path dir;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService refresher;
  private final boolean ownsRefresher;
  private final ScheduledFuture<?> ticking;
  private final Object tick = new Object();
  private boolean closed; // under tick: no commit or refresh starts after close
  private final Analyzer analyzer;
  private final boolean needsRebuild;

  /** Changes applied so far, and how many of them the current searcher shows: see withSearcher. */
  private final AtomicLong applied = new AtomicLong();

  private final AtomicLong shown = new AtomicLong();
  private final Map<String, String> commitData;
  private final Path marker;
  private final ReadWriteLock changes = new ReentrantReadWriteLock();
  private boolean dirty; // written under changes' read side and this; read under either

  private PaperIndex(
      Path dir,
      FSDirectory directory,
      IndexWriter writer,
      boolean needsRebuild,
      String vectors,
      ScheduledExecutorService refresher)
      throws IOException {
    this.commitData = Map.of(LAYOUT_KEY, LAYOUT, MODEL_KEY, vectors);
    this.dir = dir;
    this.marker = dir.resolve(UNCOMMITTED);
    this.dirty = Files.exists(marker);
    this.directory = directory;
    this.writer = writer;
    this.analyzer = IndexSetup.analyzer();
    this.needsRebuild = needsRebuild;
    SearcherFactory bm25 =
        new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(
              org.apache.lucene.index.IndexReader reader,
              org.apache.lucene.index.IndexReader previous) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(IndexSetup.SIMILARITY);
            return s;
          }
        };
    // Without a writer (another process holds it) the searcher follows that process's commits.
    this.searchers =
        writer != null ? new SearcherManager(writer, bm25) : new SearcherManager(directory, bm25);
    this.ownsRefresher = refresher == null;
    this.refresher =
        refresher != null
            ? refresher
            : Executors.newSingleThreadScheduledExecutor(PaperIndex::refreshThread);
    if (writer != null) {
      // Our own writes refresh at once; a timed refresh would only cut a rebuild into a segment
      // per second (and show it half done), leaving many small segments for every search to visit.
      ticking =
          this.refresher.scheduleWithFixedDelay(
              () -> tick(this::commitQuietly), COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
    } else {
      ticking =
          this.refresher.scheduleWithFixedDelay(
              () -> tick(this::refreshQuietly), 1, 1, TimeUnit.SECONDS);
    }
  }

  /** Daemon: a refresh must never keep the JVM alive after the app failed to close the index. */
  private static Thread refreshThread(Runnable r) {
    Thread t = new Thread(r, "paperboy-search-refresh");
    t.setDaemon(true);
    return t;
  }

  private void tick(Runnable task) {
    synchronized (tick) {
      if (!closed) task.run();
    }
  }

  /** {@link #open(Path, String, ScheduledExecutorService)} on a refresh thread of its own. */
  static PaperIndex open(Path dir, String vectors) {
    return open(dir, vectors, null);
  }

  /**
   * Opens the index in {@code dir}, creating or replacing it when it cannot be used as is. {@code
   * vectors} names the embedding model (or "none"); an index built with another is replaced. Timed
   * commits (or, read-only, refreshes) run on {@code refresher}, which stays the caller's; null
   * gives the index a thread of its own.
   */
  static PaperIndex open(Path dir, String vectors, ScheduledExecutorService refresher) {
    try {
      Files.createDirectories(dir);
      try {
        FSDirectory d = FSDirectory.open(dir);
        String problem = problemWith(d, vectors);
        if (problem == null) {
          try {
            IndexWriter w =
                new IndexWriter(d, IndexSetup.config(IndexWriterConfig.OpenMode.APPEND));
            if (Files.exists(dir.resolve(UNCOMMITTED))) {
              // Only the writer's holder may judge: a live holder's marker is just its pending
              // commit.
              log.info(
                  "search index at {} missed changes that were never committed (a paperboy process"
                      + " stopped early); building it from the store",
                  dir);
              w.deleteAll();
              return new PaperIndex(dir, d, w, true, vectors, refresher);
            }
            return new PaperIndex(dir, d, w, false, vectors, refresher);
          } catch (LockObtainFailedException locked) {
            // Normal while serve runs; a write that cannot happen is warned about where it is
            // refused.
            log.debug(
                "search index at {} is in use by another paperboy process; searching it read-only",
                dir);
            return new PaperIndex(dir, d, null, false, vectors, refresher);
          }
        }
        d.close();
        log.info("search index at {} {}; building it from the store", dir, problem);
      } catch (LockObtainFailedException e) {
        throw new PaperboyException(
            "the search index at "
                + dir
                + " needs a rebuild but another paperboy process holds it; stop that process first",
            e);
      } catch (IOException | RuntimeException e) {
        log.warn(
            "search index at {} is unreadable ({}); rebuilding it from the store",
            dir,
            e.toString());
      }
      wipe(dir);
      FSDirectory d = FSDirectory.open(dir);
      IndexWriter w = new IndexWriter(d, IndexSetup.config(IndexWriterConfig.OpenMode.CREATE));
      w.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT, MODEL_KEY, vectors).entrySet());
      w.commit();
      return new PaperIndex(dir, d, w, true, vectors, refresher);
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot open the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why the index in {@code d} cannot be used, or null when it can. Opening all segments is the
   * check.
   */
  private static String problemWith(FSDirectory d, String vectors) throws IOException {
    if (!DirectoryReader.indexExists(d)) return "does not exist";
    try (DirectoryReader r = DirectoryReader.open(d)) {
      Map<String, String> data = r.getIndexCommit().getUserData();
      String layout = data.get(LAYOUT_KEY);
      if (!LAYOUT.equals(layout)) return "has layout " + layout + ", expected " + LAYOUT;
      String model = data.get(MODEL_KEY);
      if (!vectors.equals(model)) return "has vectors from " + model + ", expected " + vectors;
      return null;
    }
  }

  /** True when another process holds the writer: searches work, writes are refused. */
  boolean readOnly() {
    return writer == null;
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new PaperboyException(
          "the search index at "
              + dir
              + " is in use by another paperboy process (e.g. serve); run this there or stop it first");
    }
    return writer;
  }

  boolean needsRebuild() {
    return needsRebuild;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  int numDocs() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** Adds or replaces documents by id; the next search sees them ({@link #withSearcher}). */
  void upsert(List<Document> docs) {
    change(
        "writing to",
        w -> {
          for (Document d : docs)
            w.updateDocument(new Term(PaperDocuments.ID, d.get(PaperDocuments.ID)), d);
        });
  }

  /** Ids of up to {@code max} indexed papers that have no vector yet. */
  List<String> idsWithoutVector(int max) {
    return withSearcher(
        s -> {
          List<String> ids = new java.util.ArrayList<>();
          var stored = s.storedFields();
          for (var hit : s.search(withoutVector(), Math.max(1, max)).scoreDocs) {
            ids.add(stored.document(hit.doc).get(PaperDocuments.ID));
          }
          return ids;
        });
  }

  /** How many indexed papers have no vector yet. */
  int countWithoutVector() {
    return withSearcher(s -> s.count(withoutVector()));
  }

  private static org.apache.lucene.search.Query withoutVector() {
    return new org.apache.lucene.search.BooleanQuery.Builder()
        .add(
            new org.apache.lucene.search.MatchAllDocsQuery(),
            org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .add(
            new org.apache.lucene.search.FieldExistsQuery(PaperDocuments.VECTOR),
            org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /**
   * Adds without looking for an older copy; for a fresh rebuild, from any number of threads. Call
   * {@link #commit()} after.
   */
  void add(List<Document> docs) {
    change("writing to", w -> w.addDocuments(docs));
  }

  void delete(List<String> ids) {
    change(
        "deleting from",
        w -> {
          for (String id : ids) w.deleteDocuments(new Term(PaperDocuments.ID, id));
        });
  }

  private interface Change {
    void apply(IndexWriter writer) throws IOException;
  }

  /** One change, concurrent with others but not with a commit; the next search sees it. */
  private void change(String what, Change change) {
    changes.readLock().lock();
    try {
      markDirty();
      change.apply(writer());
      applied.incrementAndGet();
    } catch (IOException | AlreadyClosedException e) { // closed by an earlier failure: its cause
      throw new PaperboyException(
          what + " the search index at " + dir + " failed: " + e.getMessage(), e);
    } finally {
      changes.readLock().unlock();
    }
  }

  /** Merges the index into one segment (after a rebuild; not worth it after small changes). */
  void mergeToOneSegment() {
    exclusive("merging", () -> writer().forceMerge(1));
  }

  void deleteAll() {
    exclusive(
        "emptying",
        () -> {
          markDirty();
          writer().deleteAll();
        });
  }

  /** Makes every change so far durable, and searchable. */
  void commit() {
    exclusive("committing", this::commitNow);
  }

  private void commitNow() throws IOException {
    writer().setLiveCommitData(commitData.entrySet());
    writer().commit();
    if (dirty) {
      Files.deleteIfExists(marker);
      dirty = false;
    }
    searchers.maybeRefreshBlocking();
  }

  private interface IndexWork {
    void run() throws IOException;
  }

  /**
   * Work that no change may overlap: it waits for the changes under way, and holds back new ones.
   */
  private void exclusive(String what, IndexWork work) {
    changes.writeLock().lock();
    try {
      work.run();
    } catch (IOException | AlreadyClosedException e) {
      throw new PaperboyException(
          what + " the search index at " + dir + " failed: " + e.getMessage(), e);
    } finally {
      changes.writeLock().unlock();
    }
  }

  /** Before the first change after a commit: the marker, on disk for sure before the change is. */
  private synchronized void markDirty() throws IOException {
    if (dirty) return;
    writer(); // a read-only index refuses before leaving a marker
    Files.write(marker, new byte[0]);
    try (var channel =
        java.nio.channels.FileChannel.open(marker, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    directory.syncMetaData(); // the marker's directory entry
    dirty = true;
  }

  private void commitQuietly() {
    try {
      exclusive(
          "committing",
          () -> {
            if (dirty) commitNow();
          });
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      // One line: the stack traces of a full disk buried what to do (PAPERBOY_DEBUG has them).
      log.warn("committing the search index failed ({}); retrying in {} s", root, COMMIT_SECONDS);
      log.debug("committing the search index failed", e);
    }
  }

  /**
   * Runs {@code work} with a current searcher, released afterwards whatever happens. Changes made
   * since the last search are made visible first: refreshing after every ingest batch instead
   * flushed a small segment per batch, which with the merges it caused was most of an ingest's
   * indexing time, while nobody searched.
   */
  <T> T withSearcher(SearcherWork<T> work) {
    IndexSearcher s = null;
    try {
      long changed = applied.get();
      if (shown.get() < changed) {
        // Every search that finds the searcher behind refreshes (maybeRefreshBlocking waits for a
        // refresh under way, then finds little to do): a search that skipped it because another
        // one had begun refreshing read the old searcher.
        searchers.maybeRefreshBlocking();
        shown.accumulateAndGet(changed, Math::max);
      }
      s = searchers.acquire();
      return work.apply(s);
    } catch (IOException e) {
      throw new PaperboyException(
          "reading the search index at " + dir + " failed: " + e.getMessage(), e);
    } finally {
      if (s != null) {
        try {
          searchers.release(s);
        } catch (IOException e) {
          log.warn("releasing a searcher failed", e);
        }
      }
    }
  }

  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      log.warn("refreshing the search index failed", e);
    }
  }

  @Override
  public void close() {
    ticking.cancel(false);
    synchronized (tick) {
      closed = true; // waits for a commit in progress; none starts after this
    }
    if (ownsRefresher) {
      refresher.shutdown();
      try {
        // Not shutdownNow: interrupting a commit in progress would close the writer's files.
        if (!refresher.awaitTermination(60, TimeUnit.SECONDS)) refresher.shutdownNow();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      // reverse order of opening: searchers, then the writer, then the directory
      try {
        if (writer != null) commitQuietly();
        searchers.close();
      } finally {
        try {
          if (writer != null) writer.close();
        } finally {
          directory.close();
        }
      }
    } catch (IOException e) {
      throw new PaperboyException(
          "closing the search index at " + dir + " failed: " + e.getMessage(), e);
    }
  }

  private static void wipe(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) Files.delete(p);
      }
    }
  }
}
