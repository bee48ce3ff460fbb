package org.paperboy.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few thousand query vectors in memory, by model and normalised query text, so that a
 * repeated search or a digest alert neither runs the model (about 18 ms on a query) nor reads the
 * store. Bounded: the least recently used query leaves first. Thread-safe.
 */
final class QueryEmbeddingCache {
  /** 4,096 vectors of 384 floats: about 6 MB. */
  static final int CAPACITY = 4096;

  private final int capacity;
  private final Map<String, float[]> vectors;

  QueryEmbeddingCache(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
    this.capacity = capacity;
    this.vectors =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > QueryEmbeddingCache.this.capacity;
          }
        };
  }

  /**
   * The text as the model reads it: BERT's uncased tokenizer lower-cases each code point and splits
   * at whitespace, so case and runs of spaces do not change the vector and need no second entry.
   * (Per code point, as the tokenizer does: {@code String.toLowerCase} would differ on a final
   * sigma.)
   */
  static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
        continue;
      }
      if (space) out.append(' ');
      space = false;
      out.appendCodePoint(Character.toLowerCase(cp));
    }
    return out.toString();
  }

  /** A copy of the cached vector, or null. */
  float[] get(String model, String normalised) {
    float[] v;
    synchronized (vectors) {
      v = vectors.get(key(model, normalised));
    }
    return v == null ? null : v.clone();
  }

  void put(String model, String normalised, float[] vector) {
    synchronized (vectors) {
      vectors.put(key(model, normalised), vector.clone());
    }
  }

  int size() {
    synchronized (vectors) {
      return vectors.size();
    }
  }

  private static String key(String model, String normalised) {
    return model + '\u0000' + normalised;
  }
}
