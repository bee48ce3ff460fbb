package org.paperboy.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.BatchWorkers;
import org.paperboy.embed.Embedder;
import org.paperboy.store.PaperChanges;
import org.paperboy.store.PaperRepository;

/**
 * Search over the stored papers: what the app, web, CLI and digest call.
 *
 * <p>Query syntax: words, {@code "phrases"}, {@code -exclude}, {@code title:x}, {@code author:x},
 * {@code cat:cs.CL} (or {@code cat:cs} for all of cs), {@code year:2024} or {@code
 * year:2023..2025}. A syntax error is a {@link org.paperboy.BadInputException} naming the position.
 *
 * <p>Its index follows the store ({@link IndexFollower}): opened on first use, rebuilt by the
 * process that holds it when it cannot be used, and on {@link #reindex()}.
 */
public final class SearchService implements AutoCloseable {

  private final PaperIndex index;
  private final IndexFollower follower;
  private final AcronymStore acronyms;
  private final Embedder embedder;
  private final SearchEngine engine;
  private final BatchWorkers workers;
  private volatile AcronymLexicon lexicon;

  /** Set by ingest: the next reader of the lexicon reloads it (once, not once per batch). */
  private volatile boolean lexiconStale;

  private SearchService(
      Path indexDir, PaperRepository papers, Jdbi jdbi, Embedder embedder, SearchThreads threads) {
    this.acronyms = new AcronymStore(jdbi);
    this.embedder = embedder;
    String vectors = embedder == null ? "none" : embedder.modelName();
    this.workers = new BatchWorkers("indexing", threads.indexing(), threads.indexThreads());
    this.index = PaperIndex.lazy(indexDir, vectors);
    PaperIndexing indexing =
        new PaperIndexing(index, papers, acronyms, embedder, workers, () -> lexiconStale = true);
    this.follower =
        new IndexFollower(
            index, new PaperChanges(jdbi), indexing, threads.refresh(), System::nanoTime);
    this.lexicon = acronyms.load();
    this.engine = new SearchEngine(index, embedder, this::lexicon);
  }

  /**
   * Search over the papers in the store, its index in {@code indexDir} (opened on first use, see
   * {@link IndexFollower}). {@code embedder} may be null: search is then lexical only. The embedder
   * and the {@code threads} stay owned by the caller (the app's {@code AppThreads}; tests and
   * benchmarks: {@code TestThreads}).
   */
  public static SearchService open(
      Path indexDir, PaperRepository papers, Jdbi jdbi, Embedder embedder, SearchThreads threads) {
    return new SearchService(indexDir, papers, jdbi, embedder, threads);
  }

  public SearchResult search(SearchRequest request) {
    return engine.search(QuerySyntax.parse(request.query()), request, null, true);
  }

  /**
   * The papers nearest to {@code id}; a {@link org.paperboy.NotFoundException} for an unknown id.
   */
  public List<SearchHit> related(String id, int limit) {
    return engine.related(id, limit);
  }

  /**
   * Applies what the store changed since the index last looked, opening the index first if need be;
   * searchable when this returns. Does nothing when another process holds the index: that one
   * follows the store itself (within about two seconds). The ingest listener.
   */
  public int catchUp() {
    return follower.catchUp();
  }

  /**
   * Moves whenever what search finds may have changed: a batch of store changes (from this process
   * or any other) applied to the index, or a rebuild. Answers kept by the web server follow it.
   */
  public long version() {
    return follower.applied();
  }

  /** The current lexicon, reloaded first when ingest changed the definitions since. */
  private AcronymLexicon lexicon() {
    // Opening the index may rebuild it, and with it the lexicon: open before reading that.
    if (!index.isOpen()) follower.open();
    if (lexiconStale) {
      synchronized (acronyms) {
        if (lexiconStale) {
          lexiconStale = false;
          lexicon = acronyms.load();
        }
      }
    }
    return lexicon;
  }

  /**
   * Embeds up to {@code max} indexed papers that have no vector yet and re-indexes them with it;
   * returns how many it did (0: nothing is missing, no embedder, or another process holds the
   * index).
   */
  public int embedMissing(int max) {
    return embedder == null ? 0 : follower.embedMissing(max);
  }

  /** True when papers get vectors (an embedder is configured). */
  public boolean embeds() {
    return embedder != null;
  }

  /** How many indexed papers still wait for their vector. */
  public int pendingVectors() {
    return embedder == null ? 0 : index.countWithoutVector();
  }

  /**
   * Rebuilds the index and the acronym lexicon from the store; returns the number of papers. A
   * {@link org.paperboy.PaperboyException} saying why when another process holds the index.
   */
  public long reindex() {
    return follower.rebuild();
  }

  /** The acronym definitions in each paper's title and abstract, by paper id. */
  static java.util.Map<String, java.util.Set<AcronymMiner.Definition>> mine(
      List<org.paperboy.paper.Paper> batch) {
    return PaperIndexing.mine(batch);
  }

  /** Every mined acronym, most defined first. */
  public List<Acronym> acronyms() {
    return lexicon().all();
  }

  /** What the corpus says {@code term} stands for ("MLLM", "mllms"). */
  public Optional<Acronym> acronym(String term) {
    return lexicon().lookup(term);
  }

  @Override
  public void close() {
    try {
      follower.close();
    } finally {
      workers.close();
    }
  }
}
