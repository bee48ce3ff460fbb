package org.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.paperboy.NotFoundException;
import org.paperboy.PaperboyException;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.TitleKey;

/**
 * Runs searches against a {@link PaperIndex}: BM25, kNN with the filters inside the vector search,
 * rank fusion, pinning of exact id / title matches and snippets. Shared by the service and the
 * evaluation harness, so what is measured is what readers get.
 */
final class SearchEngine {
  /** How deep each list goes before fusion (200 beat 100 on the SciFact train split). */
  static final int CANDIDATES = 200;

  private static final ScoreDoc[] NONE = new ScoreDoc[0];
  private static final int OVERSAMPLE = 2;

  private final PaperIndex index;
  private final Embedder embedder;
  private final Supplier<AcronymLexicon> lexicon;

  SearchEngine(PaperIndex index, Embedder embedder, Supplier<AcronymLexicon> lexicon) {
    this.index = index;
    this.embedder = embedder;
    this.lexicon = lexicon;
  }

  /**
   * The search. {@code queryVector} may be given when the caller embedded the query already (the
   * harness embeds all queries in one batch); otherwise it is computed here when the mode needs it.
   */
  SearchResult search(ParsedQuery q, SearchRequest r, float[] queryVector, boolean snippets) {
    SearchMode mode = r.mode().usesVectors() && embedder == null ? SearchMode.LEXICAL : r.mode();
    String about = LexicalQueries.capped(q.aboutText());
    boolean vectors = mode.usesVectors() && (queryVector != null || !about.isBlank());
    FutureTask<float[]> embedding = null;
    LexicalQueries lq = new LexicalQueries(index.analyzer(), lexicon.get());
    if (vectors && queryVector == null) {
      // The model is most of a hybrid search's time: it runs while the BM25 list is computed.
      String text = lq.embeddingText(about);
      embedding = new FutureTask<>(() -> embedder.embedQueries(List.of(text))[0]);
      Thread.ofVirtual().name("paperboy-query-embedding").start(embedding);
    }
    double vectorWeight = vectorWeight(lq, about);
    Query scoring = lq.scoring(q);
    Query filter = Filters.of(q, r, new QueryBuilder(index.analyzer()));
    int depth = mode == SearchMode.HYBRID ? Math.max(r.limit(), CANDIDATES) : r.limit();
    FutureTask<float[]> pending = embedding;
    Query highlight = snippets ? lq.highlighting(q) : null;
    // One searcher for ranking and reading the hits: doc ids mean nothing in another one.
    List<SearchHit> hits =
        index.withSearcher(
            s -> {
              ScoreDoc[] lexical = NONE;
              // without words to embed (only filters) even semantic search lists what passes them
              if (mode != SearchMode.SEMANTIC || !vectors)
                lexical = lexical(s, scoring, filter, depth);
              float[] v = pending != null ? await(pending) : queryVector;
              ScoreDoc[] semantic = NONE;
              if (mode != SearchMode.LEXICAL && v != null) {
                semantic = nearestDocs(s, v, depth, filter);
              }
              List<ScoreDoc> ranked =
                  switch (mode) {
                    case LEXICAL -> List.of(lexical);
                    case SEMANTIC -> List.of(v == null ? lexical : semantic);
                    case HYBRID -> Fusion.confident(lexical, semantic, depth, vectorWeight);
                  };
              return hits(s, r.query(), ranked, filter, highlight, r.limit(), snippets);
            });
    return new SearchResult(hits, mode, lq.ambiguous(q));
  }

  /**
   * The vectors' share in hybrid fusion: small when the query is only acronyms the lexicon knows,
   * for BM25 then matches exactly what they stand for here and the model does not
   * (docs/benchmarks-search.md).
   */
  static double vectorWeight(LexicalQueries lq, String about) {
    return lq.acronymsAlone(about) ? Fusion.ACRONYM_ALONE_VECTOR_WEIGHT : Fusion.VECTOR_WEIGHT;
  }

  /** The text the model embeds for {@code q} (its words, acronyms spelled out). */
  String embeddingText(ParsedQuery q) {
    return new LexicalQueries(index.analyzer(), lexicon.get())
        .embeddingText(LexicalQueries.capped(q.aboutText()));
  }

  private static float[] await(FutureTask<float[]> embedding) {
    try {
      return embedding.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaperboyException("interrupted while embedding the query", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new PaperboyException("embedding the query failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * The {@code k} nearest vectors that pass {@code filter} (inside the HNSW search). The graph
   * walks 7-bit quantized vectors, so twice as many candidates are taken and re-ranked by their
   * full-precision cosine, which quantization would otherwise blur.
   */
  static ScoreDoc[] nearestDocs(IndexSearcher s, float[] vector, int k, Query filter)
      throws IOException {
    // Rewriting runs the graph search, once; the rescorer then reads only these candidates. It
    // fails on an empty candidate list (vectors still being computed, or a filter that no paper
    // with a vector passes), hence the count, which on the rewritten query costs O(candidates).
    Query candidates =
        s.rewrite(new KnnFloatVectorQuery(PaperDocuments.VECTOR, vector, k * OVERSAMPLE, filter));
    if (s.count(candidates) == 0) return NONE;
    Query rescored =
        RescoreTopNQuery.createFullPrecisionRescorerQuery(
            candidates, vector, PaperDocuments.VECTOR, k);
    return s.search(rescored, k).scoreDocs;
  }

  private static ScoreDoc[] lexical(IndexSearcher s, Query scoring, Query filter, int depth)
      throws IOException {
    if (scoring == null) {
      // Only filters (e.g. "cat:cs.CL year:2025"): the newest papers that pass them. A sorted
      // search scores nothing (NaN); nothing was matched, so each scores 0 and the order is the
      // date's (docs/search.md).
      if (filter == null) return NONE;
      Sort newest =
          new Sort(new SortedNumericSortField(PaperDocuments.DAY, SortField.Type.LONG, true));
      ScoreDoc[] docs = s.search(filter, depth, newest).scoreDocs;
      ScoreDoc[] out = new ScoreDoc[docs.length];
      for (int i = 0; i < docs.length; i++) out[i] = new ScoreDoc(docs[i].doc, 0f);
      return out;
    }
    Query q = scoring;
    if (filter != null) {
      q = new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
    }
    return s.search(q, depth).scoreDocs;
  }

  /** Pinned hits first, then the ranked ones, cut to the limit, with snippets. */
  private static List<SearchHit> hits(
      IndexSearcher s,
      String raw,
      List<ScoreDoc> ranked,
      Query filter,
      Query highlight,
      int limit,
      boolean snippets)
      throws IOException {
    Set<Integer> pinned = pins(s, raw, filter);
    List<ScoreDoc> all = new ArrayList<>();
    for (int doc : pinned) all.add(new ScoreDoc(doc, Float.NaN));
    for (ScoreDoc d : ranked) if (!pinned.contains(d.doc)) all.add(d);
    List<ScoreDoc> top = all.subList(0, Math.min(limit, all.size()));
    int[] docs = top.stream().mapToInt(d -> d.doc).toArray();
    // Each hit's stored fields are read once, in doc id order (hits in one compressed block
    // then decompress it once); the snippets reuse the abstracts read here.
    StoredFields stored = s.storedFields();
    Document[] found = new Document[docs.length];
    String[] abstracts = new String[docs.length];
    int[] starts = new int[docs.length];
    for (int i : Snippets.inDocOrder(docs)) {
      found[i] =
          snippets ? stored.document(docs[i]) : stored.document(docs[i], PaperDocuments.HIT_FIELDS);
      abstracts[i] = found[i].get(PaperDocuments.ABSTRACT);
      starts[i] = PaperDocuments.abstractStart(found[i].get(PaperDocuments.TITLE));
    }
    String[] snips =
        snippets ? Snippets.of(s, highlight, docs, abstracts, starts) : new String[docs.length];
    List<SearchHit> out = new ArrayList<>(top.size());
    // a pinned hit scores as the best ranked one (1 when nothing was ranked)
    double best = ranked.isEmpty() ? 1 : ranked.get(0).score;
    for (int i = 0; i < top.size(); i++) {
      ScoreDoc d = top.get(i);
      boolean pin = pinned.contains(d.doc);
      double score = pin ? best : d.score;
      out.add(PaperDocuments.toHit(found[i], score, snips[i], pin));
    }
    return out;
  }

  /** Documents the raw query names exactly: an arXiv id, or a whole title. */
  private static Set<Integer> pins(IndexSearcher s, String raw, Query filter) throws IOException {
    Set<Integer> docs = new LinkedHashSet<>();
    String q = raw.strip();
    List<Query> exact = new ArrayList<>();
    if (!q.contains(" ") && ArxivId.looksLikeOne(q)) {
      exact.add(new TermQuery(new Term(PaperDocuments.ID, ArxivId.parse(q).value())));
    }
    String key = TitleKey.of(q);
    if (!key.isEmpty() && q.length() <= 2000)
      exact.add(new TermQuery(new Term(PaperDocuments.TITLE_KEY, key)));
    for (Query e : exact) {
      Query pin =
          filter == null
              ? e
              : new BooleanQuery.Builder().add(e, Occur.MUST).add(filter, Occur.FILTER).build();
      for (ScoreDoc d : s.search(pin, 5).scoreDocs) docs.add(d.doc);
    }
    return docs;
  }

  /** The papers nearest to {@code id}: by its vector when it has one, else by its words. */
  List<SearchHit> related(String id, int limit) {
    Query notSelf =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(new TermQuery(new Term(PaperDocuments.ID, id)), Occur.MUST_NOT)
            .build();
    return index.withSearcher(
        s -> {
          ScoreDoc[] self = s.search(new TermQuery(new Term(PaperDocuments.ID, id)), 1).scoreDocs;
          if (self.length == 0)
            throw new NotFoundException("no paper with id '" + id + "' in the search index");
          float[] vector = vectorOf(s, self[0].doc);
          if (vector != null) {
            return hits(
                s, "", List.of(nearestDocs(s, vector, limit, notSelf)), null, null, limit, false);
          }
          var doc = s.storedFields().document(self[0].doc);
          String text = doc.get(PaperDocuments.TITLE) + " " + doc.get(PaperDocuments.ABSTRACT);
          ParsedQuery words = ParsedQuery.plain(LexicalQueries.capped(text));
          Query scoring = new LexicalQueries(index.analyzer(), AcronymLexicon.EMPTY).scoring(words);
          return hits(
              s, "", List.of(lexical(s, scoring, notSelf, limit)), null, null, limit, false);
        });
  }

  private static float[] vectorOf(IndexSearcher s, int doc) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperDocuments.VECTOR);
    if (values == null) return null;
    KnnVectorValues.DocIndexIterator it = values.iterator();
    int target = doc - leaf.docBase;
    return it.advance(target) == target ? values.vectorValue(it.index()).clone() : null;
  }
}
