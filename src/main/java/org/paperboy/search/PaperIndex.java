package org.paperboy.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.AlreadyClosedException;
import org.paperboy.PaperboyException;

/**
 * The Lucene index on disk: one {@link IndexWriter} (when this process holds the lock, see {@link
 * IndexOpening}) and one searcher manager ({@link IndexSearchers}). Opened on first use, so a
 * command that never searches never touches it.
 *
 * <p>Writes become visible through near-real-time refreshes, not commits: a commit fsyncs every new
 * file, and committing each ingest batch made ingest four times slower. Each commit records the
 * change sequence it is complete up to ({@link IndexOpening#SEQ_KEY}); after a crash the next
 * holder re-applies the changes since, so nothing needs marking in between. The caller ({@link
 * IndexFollower}) keeps changes and commits apart; this class has no lock and no thread.
 */
final class PaperIndex implements AutoCloseable {
  private final Path dir;
  private final String vectors;
  private final Analyzer analyzer = IndexSetup.analyzer();
  private volatile Runnable opener = this::openNow;
  private volatile IndexOpening.Opened opened;
  private volatile IndexSearchers searchers;
  private boolean closed;

  private PaperIndex(Path dir, String vectors) {
    this.dir = dir;
    this.vectors = vectors;
  }

  /** The index in {@code dir} over vectors of model {@code vectors} ("none"), opened now. */
  static PaperIndex open(Path dir, String vectors) {
    PaperIndex index = new PaperIndex(dir, vectors);
    index.openNow();
    return index;
  }

  /** As {@link #open}, opened on first use by {@code opener}, which must call {@link #openNow}. */
  static PaperIndex lazy(Path dir, String vectors) {
    return new PaperIndex(dir, vectors);
  }

  /** Who opens the index on its first use (the follower, which then catches it up). */
  void openWith(Runnable opener) {
    this.opener = opener;
  }

  boolean isOpen() {
    return opened != null;
  }

  synchronized void openNow() {
    if (opened != null) return;
    if (closed) throw new PaperboyException("the search index at " + dir + " is closed");
    IndexOpening.Opened o = IndexOpening.open(dir, vectors);
    try {
      searchers = new IndexSearchers(o.directory(), o.writer());
    } catch (IOException e) {
      throw failed("opening", e);
    }
    opened = o;
  }

  private IndexOpening.Opened opened() {
    if (opened == null) opener.run();
    return opened;
  }

  /** True when another process holds the writer: searches work, writes are refused. */
  boolean readOnly() {
    return opened().writer() == null;
  }

  boolean needsRebuild() {
    return opened().needsRebuild();
  }

  /** The change sequence the index on disk was complete up to when it was opened. */
  long appliedSeq() {
    return opened().appliedSeq();
  }

  String vectors() {
    return vectors;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  private IndexWriter writer() {
    IndexWriter w = opened().writer();
    if (w == null) {
      throw new PaperboyException(
          "the search index at "
              + dir
              + " is in use by another paperboy process (e.g. serve); run this there or stop it first");
    }
    return w;
  }

  private interface Change {
    void apply(IndexWriter writer) throws IOException;
  }

  private void change(String what, Change change) {
    try {
      change.apply(writer());
      searchers.changed();
    } catch (IOException | AlreadyClosedException e) { // closed by an earlier failure: its cause
      throw failed(what, e);
    }
  }

  /** Adds or replaces documents by id; the next search sees them. */
  void upsert(List<Document> docs) {
    change(
        "writing to",
        w -> {
          for (Document d : docs)
            w.updateDocument(new Term(PaperDocuments.ID, d.get(PaperDocuments.ID)), d);
        });
  }

  /** Adds without looking for an older copy; for a fresh rebuild, from any number of threads. */
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

  void deleteAll() {
    change("emptying", IndexWriter::deleteAll);
  }

  /** Merges the index into one segment (after a rebuild; not worth it after small changes). */
  void mergeToOneSegment() {
    change("merging", w -> w.forceMerge(1));
  }

  /** Makes every change so far durable and searchable, as complete up to change {@code seq}. */
  void commit(long seq) {
    try {
      IndexWriter w = writer();
      w.setLiveCommitData(IndexOpening.commitData(vectors, seq).entrySet());
      w.commit();
      searchers.refreshNow();
    } catch (IOException | AlreadyClosedException e) {
      throw failed("committing", e);
    }
  }

  /** Commits a built index that follows no store (evaluation, tests). */
  void commit() {
    commit(appliedSeq());
  }

  /** Picks up the holder's new commits (read-only) or our own changes; quiet on failure. */
  void refreshQuietly() {
    if (isOpen()) searchers.refreshQuietly();
  }

  int numDocs() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** Ids of up to {@code max} indexed papers that have no vector yet. */
  List<String> idsWithoutVector(int max) {
    return withSearcher(
        s -> {
          List<String> ids = new ArrayList<>();
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

  private static Query withoutVector() {
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(new FieldExistsQuery(PaperDocuments.VECTOR), Occur.MUST_NOT)
        .build();
  }

  /** Runs {@code work} with a searcher that shows every change made before this call. */
  <T> T withSearcher(SearcherWork<T> work) {
    opened();
    try {
      return searchers.withSearcher(work);
    } catch (IOException e) {
      throw failed("reading", e);
    }
  }

  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private PaperboyException failed(String what, Exception e) {
    return new PaperboyException(
        what + " the search index at " + dir + " failed: " + e.getMessage(), e);
  }

  /** Closes without committing: the follower commits what it applied first. */
  @Override
  public synchronized void close() {
    closed = true;
    IndexOpening.Opened o = opened;
    if (o == null) return;
    opened = null;
    try {
      // reverse order of opening: searchers, then the writer, then the directory
      try {
        searchers.close();
      } finally {
        try {
          if (o.writer() != null) o.writer().close();
        } finally {
          o.directory().close();
        }
      }
    } catch (IOException e) {
      throw failed("closing", e);
    }
  }
}
