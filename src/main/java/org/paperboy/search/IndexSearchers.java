package org.paperboy.search;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searching side of the index: one {@link SearcherManager}, near-real-time over the writer when
 * this process holds it, else over the holder's commits. The writer's changes become visible before
 * the next search that starts after them, not on a timer: refreshing after every batch flushed a
 * small segment per batch, which with the merges it caused was most of an ingest's indexing time,
 * while nobody searched.
 */
final class IndexSearchers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexSearchers.class);

  private final SearcherManager searchers;

  /** Changes applied so far, and how many of them the current searcher shows. */
  private final AtomicLong changed = new AtomicLong();

  private final AtomicLong shown = new AtomicLong();

  IndexSearchers(FSDirectory directory, IndexWriter writer) throws IOException {
    SearcherFactory bm25 =
        new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(IndexSetup.SIMILARITY);
            return s;
          }
        };
    this.searchers =
        writer != null ? new SearcherManager(writer, bm25) : new SearcherManager(directory, bm25);
  }

  /** After a change: the next search refreshes first. */
  void changed() {
    changed.incrementAndGet();
  }

  /** Picks up what the holder committed (read-only) or what was changed; quiet on failure. */
  void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      log.warn("refreshing the search index failed", e);
    }
  }

  void refreshNow() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Runs {@code work} with a current searcher, released afterwards whatever happens. */
  <T> T withSearcher(PaperIndex.SearcherWork<T> work) throws IOException {
    long c = changed.get();
    if (shown.get() < c) {
      // Every search that finds the searcher behind refreshes (maybeRefreshBlocking waits for a
      // refresh under way, then finds little to do): a search that skipped it because another
      // one had begun refreshing read the old searcher.
      searchers.maybeRefreshBlocking();
      shown.accumulateAndGet(c, Math::max);
    }
    IndexSearcher s = searchers.acquire();
    try {
      return work.apply(s);
    } finally {
      searchers.release(s);
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
  }
}
