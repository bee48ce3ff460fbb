package org.paperboy.digest;

import java.util.List;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.CachingEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The papers' sentence vectors as the store holds them (the ones search uses), for picks and the
 * hybrid order of alerts. Without an embedder (PAPERBOY_EMBEDDINGS=off) there are none.
 */
final class StoredVectors {
  private static final Logger log = LoggerFactory.getLogger(StoredVectors.class);
  private final Embedder embedder;

  /** {@code embedder} null: no vectors; planning then uses hashed words and BM25 only. */
  StoredVectors(Embedder embedder) {
    this.embedder = embedder;
  }

  /** The vectors of {@code ps} (null where a paper has none yet); all null without an embedder. */
  float[][] of(List<Paper> ps) {
    float[][] none = new float[ps.size()][];
    if (embedder == null || ps.isEmpty()) return none;
    List<String> texts =
        ps.stream().map(p -> BgeSmallEmbedder.paperText(p.title(), p.abstractText())).toList();
    try {
      // Only what the store holds: planning must never wait for the model to embed papers.
      return embedder instanceof CachingEmbedder cached
          ? cached.cachedDocuments(texts)
          : embedder.embedDocuments(texts);
    } catch (RuntimeException e) {
      log.warn("picks use hashed words: cannot read the paper vectors: {}", e.getMessage());
      return none;
    }
  }

  /** The alerts embedded as queries; null when that fails (they are then ordered by words). */
  float[][] queries(List<String> alerts) {
    try {
      return embedder.embedQueries(alerts);
    } catch (RuntimeException e) {
      log.warn("alerts ordered by words only: cannot embed them: {}", e.getMessage());
      return null;
    }
  }
}
