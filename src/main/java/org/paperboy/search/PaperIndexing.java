package org.paperboy.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.paperboy.BatchWorkers;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;
import org.paperboy.search.AcronymMiner.Definition;
import org.paperboy.store.PaperRepository;

/**
 * Papers into the index, with their acronyms into the lexicon: what the follower applies, a
 * rebuild, and the vectors embedded later. Analysis is most of indexing, so the parts of a batch,
 * and a rebuild's batches, go to one thread per core ({@code workers}; the follower's lock keeps
 * one job on them at a time).
 */
final class PaperIndexing {
  private final PaperIndex index;
  private final PaperRepository papers;
  private final AcronymStore acronyms;
  private final Embedder embedder;
  private final BatchWorkers workers;
  private final Runnable lexiconChanged;

  PaperIndexing(
      PaperIndex index,
      PaperRepository papers,
      AcronymStore acronyms,
      Embedder embedder,
      BatchWorkers workers,
      Runnable lexiconChanged) {
    this.index = index;
    this.papers = papers;
    this.acronyms = acronyms;
    this.embedder = embedder;
    this.workers = workers;
    this.lexiconChanged = lexiconChanged;
  }

  void upsert(List<Paper> batch, int part) {
    if (batch.isEmpty()) return;
    for (int i = 0; i < batch.size(); i += part) {
      List<Paper> p = batch.subList(i, Math.min(batch.size(), i + part));
      workers.submit(
          () -> {
            index.upsert(Indexing.documents(p, embedder));
            acronyms.replace(mine(p));
          });
    }
    workers.finish();
    // Loading counts over all definitions costs more as the corpus grows; mark it only.
    lexiconChanged.run();
  }

  void remove(List<String> ids) {
    if (ids.isEmpty()) return;
    index.delete(ids);
    acronyms.replace(IndexFollower.noDefinitions(ids));
    lexiconChanged.run();
  }

  /** Empties the index and the lexicon and fills both from the store; returns the paper count. */
  long rebuild(int part) {
    index.deleteAll();
    acronyms.clear();
    long[] count = {0};
    papers.forEachBatch(
        part,
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
    lexiconChanged.run();
    return count[0];
  }

  static Map<String, Set<Definition>> mine(List<Paper> batch) {
    Map<String, Set<Definition>> defs = new LinkedHashMap<>();
    for (Paper p : batch) defs.put(p.id(), AcronymMiner.mine(p.title() + ". " + p.abstractText()));
    return defs;
  }

  /**
   * Embeds up to {@code max} indexed papers that have no vector yet and re-indexes them with it,
   * under {@code lock} (the follower's); returns how many it did (0: nothing is missing, or there
   * is no embedder). The model runs outside the lock so searches and following go on meanwhile; a
   * paper whose text changed in between keeps waiting for the next round.
   */
  int embedMissing(int max, Object lock) {
    if (embedder == null) return 0;
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
    synchronized (lock) {
      List<Document> docs = new ArrayList<>();
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
}
