package org.paperboy.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.BatchWorkers;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;
import org.paperboy.search.AcronymMiner.Definition;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the stored papers: what the app, web, CLI and digest call.
 *
 * <p>Query syntax: words, {@code "phrases"}, {@code -exclude}, {@code title:x}, {@code author:x},
 * {@code cat:cs.CL} (or {@code cat:cs} for all of cs), {@code year:2024} or {@code
 * year:2023..2025}. A syntax error is a {@link org.paperboy.BadInputException} naming the position.
 *
 * <p>Keeps its index current through {@link #stored} (register it as the ingest listener); rebuilds
 * the index from the store when it is missing or unreadable, and on {@link #reindex()}.
 */
public final class SearchService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final int BATCH = 256;

  private final PaperIndex index;
  private final PaperRepository papers;
  private final AcronymStore acronyms;
  private final Embedder embedder;
  private final SearchEngine engine;
  // Analysis is most of indexing: the parts of a batch, and a rebuild's batches, go to one thread
  // per core (callers hold this service's lock, so one job uses them at a time).
  private final BatchWorkers workers;
  private volatile AcronymLexicon lexicon;

  /** Set by ingest: the next reader of the lexicon reloads it (once, not once per batch). */
  private volatile boolean lexiconStale;

  private SearchService(
      Path indexDir, PaperRepository papers, Jdbi jdbi, Embedder embedder, SearchThreads threads) {
    this.papers = papers;
    this.acronyms = new AcronymStore(jdbi);
    this.embedder = embedder;
    String vectors = embedder == null ? "none" : embedder.modelName();
    this.workers = new BatchWorkers("indexing", threads.indexing(), threads.indexThreads());
    this.index = PaperIndex.open(indexDir, vectors, threads.refresh());
    this.lexicon = acronyms.load();
    this.engine = new SearchEngine(index, embedder, this::lexicon);
  }

  /**
   * Opens (or builds) the index in {@code indexDir} over the papers in the store. {@code embedder}
   * may be null: search is then lexical only. The embedder and the {@code threads} stay owned by
   * the caller (the app's {@code AppThreads}; tests and benchmarks: {@code TestThreads}).
   */
  public static SearchService open(
      Path indexDir, PaperRepository papers, Jdbi jdbi, Embedder embedder, SearchThreads threads) {
    SearchService s = new SearchService(indexDir, papers, jdbi, embedder, threads);
    try {
      if (s.index.needsRebuild() && papers.count() > 0) {
        log.info("rebuilt the search index at {}: {} papers", indexDir, s.reindex());
      }
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
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
   * The ingest listener: indexes the papers just stored, drops the ids that no longer exist, and
   * learns their acronyms. Searchable when this returns.
   */
  public synchronized void stored(List<Paper> batch, List<String> removedIds) {
    if (!removedIds.isEmpty() && !index.readOnly()) {
      index.delete(removedIds);
      acronyms.replace(
          removedIds.stream()
              .collect(
                  java.util.stream.Collectors.toMap(
                      id -> id, id -> Set.<Definition>of(), (a, b) -> a)));
    }
    index(batch);
  }

  /** Indexes newly stored or changed papers and learns their acronyms; searchable on return. */
  public synchronized void index(List<Paper> batch) {
    if (index.readOnly()) {
      log.warn(
          "{} papers stored but not indexed: another paperboy process holds the search index;"
              + " run 'paperboy reindex' once it stops",
          batch.size());
      return;
    }
    for (int i = 0; i < batch.size(); i += BATCH) {
      List<Paper> part = batch.subList(i, Math.min(batch.size(), i + BATCH));
      workers.submit(
          () -> {
            index.upsert(Indexing.documents(part, embedder));
            acronyms.replace(mine(part));
          });
    }
    workers.finish();
    // Loading counts over all definitions costs more as the corpus grows; ingest only marks it.
    lexiconStale = true;
  }

  /** The current lexicon, reloaded first when ingest changed the definitions since. */
  private AcronymLexicon lexicon() {
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
   * returns how many it did (0: nothing is missing, or there is no embedder). The model runs
   * outside the lock so searches and ingest go on meanwhile; a paper whose text changed in between
   * keeps waiting for the next round.
   */
  public int embedMissing(int max) {
    if (embedder == null || index.readOnly()) return 0;
    List<String> ids = index.idsWithoutVector(max);
    if (ids.isEmpty()) return 0;
    List<Paper> batch = new ArrayList<>(papers.findAll(ids).values());
    float[][] vectors = embedder.embedDocuments(batch.stream().map(Indexing::text).toList());
    Map<String, String> embeddedText = new LinkedHashMap<>();
    Map<String, float[]> vectorById = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      embeddedText.put(batch.get(i).id(), Indexing.text(batch.get(i)));
      vectorById.put(batch.get(i).id(), vectors[i]);
    }
    synchronized (this) {
      List<org.apache.lucene.document.Document> docs = new ArrayList<>();
      for (Paper p : papers.findAll(vectorById.keySet()).values()) {
        if (Indexing.text(p).equals(embeddedText.get(p.id()))) {
          docs.add(PaperDocuments.toDocument(p, vectorById.get(p.id())));
        }
      }
      index.upsert(docs);
      // Ids gone from the store would otherwise be asked for again and again.
      List<String> gone = new ArrayList<>(ids);
      gone.removeAll(vectorById.keySet());
      if (!gone.isEmpty()) index.delete(gone);
      return docs.size() + gone.size();
    }
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
   * Rebuilds the index and the acronym lexicon from the store; returns the number of papers. This
   * thread reads the store while the workers analyse and index.
   */
  public synchronized long reindex() {
    index.deleteAll();
    acronyms.clear();
    long[] count = {0};
    papers.forEachBatch(
        BATCH,
        batch -> {
          workers.submit(
              () -> {
                index.add(Indexing.documents(batch, embedder));
                acronyms.replace(mine(batch));
              });
          count[0] += batch.size();
        });
    workers.finish();
    // One segment: every search looks each term up, and walks the vector graph, once per segment.
    // On 100,000 papers with vectors this took lexical p50 from 2.9-3.1 ms to 2.4 ms (and the
    // rebuild from about 140 s to 200 s); later ingests add segments again, which Lucene merges.
    index.mergeToOneSegment();
    index.commit();
    lexicon = acronyms.load();
    return count[0];
  }

  static Map<String, Set<Definition>> mine(List<Paper> batch) {
    Map<String, Set<Definition>> defs = new LinkedHashMap<>();
    for (Paper p : batch) defs.put(p.id(), AcronymMiner.mine(p.title() + ". " + p.abstractText()));
    return defs;
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
      workers.close();
    } finally {
      index.close();
    }
  }
}
