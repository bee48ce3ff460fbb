package org.paperboy.embed;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.embed.EmbeddingCache.Side;

/**
 * An {@link Embedder} that looks every text up in the {@link EmbeddingCache} first and runs the
 * model only on the texts it has never seen, storing their vectors as it goes. A re-index or a
 * re-run of an evaluation therefore costs no embedding. Closing it closes the wrapped embedder.
 */
public final class CachingEmbedder implements Embedder {
  /**
   * Misses are embedded and stored this many at a time, so a long run that is interrupted keeps
   * what it did, and memory holds one chunk of vectors, not the whole corpus.
   */
  static final int STORE_CHUNK = 256;

  private final Embedder model;
  private final EmbeddingCache cache;
  private final QueryEmbeddingCache recentQueries;

  public CachingEmbedder(Embedder model, EmbeddingCache cache) {
    this(model, cache, QueryEmbeddingCache.CAPACITY);
  }

  /** With room for {@code recentQueries} query vectors in memory. */
  CachingEmbedder(Embedder model, EmbeddingCache cache, int recentQueries) {
    this.model = requireNonNull(model, "model");
    this.cache = requireNonNull(cache, "cache");
    this.recentQueries = new QueryEmbeddingCache(recentQueries);
  }

  @Override
  public String modelName() {
    return model.modelName();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public float[][] embedDocuments(List<String> texts) {
    return embed(texts, Side.DOCUMENT, Progress.NONE);
  }

  @Override
  public float[][] embedDocuments(List<String> texts, Progress progress) {
    return embed(texts, Side.DOCUMENT, progress);
  }

  /**
   * Recent queries come from memory; the others from the store, else the model. Each query is
   * embedded in its normalised form ({@link QueryEmbeddingCache#normalise}: what the model reads
   * anyway), so "MLLM Pruning" and "mllm pruning" share one vector.
   */
  @Override
  public float[][] embedQueries(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      int index = i;
      String text =
          requireNonNull(texts.get(i), () -> "text " + index + " of " + texts.size() + " is null");
      String key = QueryEmbeddingCache.normalise(text);
      out[i] = recentQueries.get(modelName(), key);
      if (out[i] == null) {
        missing.add(key);
        where.add(i);
      }
    }
    if (missing.isEmpty()) return out;
    float[][] fresh = embed(missing, Side.QUERY, Progress.NONE);
    for (int j = 0; j < fresh.length; j++) {
      recentQueries.put(modelName(), missing.get(j), fresh[j]);
      out[where.get(j)] = fresh[j];
    }
    return out;
  }

  /**
   * The cached document vectors of {@code texts}, null where a text has none yet. Never runs the
   * model: indexing uses it so that storing papers never waits for embeddings.
   */
  public float[][] cachedDocuments(List<String> texts) {
    String[] hashes = new String[texts.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = EmbeddingCache.contentHash(modelName(), Side.DOCUMENT, texts.get(i));
    }
    Map<String, float[]> found =
        cache.find(modelName(), dimensions(), java.util.Arrays.asList(hashes));
    float[][] out = new float[hashes.length][];
    for (int i = 0; i < hashes.length; i++) {
      float[] v = found.get(hashes[i]);
      out[i] = v == null ? null : v.clone();
    }
    return out;
  }

  private float[][] embed(List<String> texts, Side side, Progress progress) {
    int total = texts.size();
    String[] hashes = new String[total];
    Map<String, Integer> copies = new HashMap<>(); // a text given twice is embedded once
    Map<String, String> textByHash = new LinkedHashMap<>();
    for (int i = 0; i < total; i++) {
      int index = i;
      String text =
          requireNonNull(texts.get(i), () -> "text " + index + " of " + texts.size() + " is null");
      hashes[i] = EmbeddingCache.contentHash(modelName(), side, text);
      copies.merge(hashes[i], 1, Integer::sum);
      textByHash.putIfAbsent(hashes[i], text);
    }
    Map<String, float[]> vectors = cache.find(modelName(), dimensions(), textByHash.keySet());
    textByHash.keySet().removeAll(vectors.keySet());
    int done = total;
    for (String missing : textByHash.keySet()) {
      done -= copies.get(missing);
    }
    progress.update(done, total);

    List<String> missing = new ArrayList<>(textByHash.keySet());
    for (int from = 0; from < missing.size(); from += STORE_CHUNK) {
      List<String> chunk = missing.subList(from, Math.min(missing.size(), from + STORE_CHUNK));
      List<String> chunkTexts = chunk.stream().map(textByHash::get).toList();
      int base = done;
      float[][] fresh =
          side == Side.QUERY
              ? model.embedQueries(chunkTexts)
              : model.embedDocuments(chunkTexts, (n, t) -> progress.update(base + n, total));
      Map<String, float[]> stored = new LinkedHashMap<>();
      for (int i = 0; i < chunk.size(); i++) {
        stored.put(chunk.get(i), fresh[i]);
        done += copies.get(chunk.get(i));
      }
      cache.store(modelName(), stored);
      vectors.putAll(stored);
      progress.update(done, total);
    }

    float[][] out = new float[total][];
    for (int i = 0; i < total; i++) {
      out[i] = vectors.get(hashes[i]).clone(); // callers may scale a vector; its twin must not move
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
