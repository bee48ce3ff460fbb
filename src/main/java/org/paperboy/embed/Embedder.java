package org.paperboy.embed;

import java.util.List;

/**
 * Turns texts into L2-normalised sentence vectors. Documents and queries are embedded differently
 * (the query side carries the model's retrieval instruction), so search must use the matching
 * method for each side. Implementations are thread-safe.
 */
public interface Embedder extends AutoCloseable {

  /** Names the model and its weights; vectors of different models must never be mixed. */
  String modelName();

  /** Length of every vector this embedder returns. */
  int dimensions();

  /** One unit-length vector per text, in the order of {@code texts}. */
  float[][] embedDocuments(List<String> texts);

  /**
   * Like {@link #embedDocuments(List)} but reports how far it got, for progress bars on long runs.
   * This default reports only the end; implementations that work in batches report each batch.
   */
  default float[][] embedDocuments(List<String> texts, Progress progress) {
    float[][] vectors = embedDocuments(texts);
    progress.update(texts.size(), texts.size());
    return vectors;
  }

  /** One unit-length vector per search query, in the order of {@code texts}. */
  float[][] embedQueries(List<String> texts);

  @Override
  void close();

  /** Called with the number of texts done so far and the total, from the embedding thread. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (done, total) -> {};

    void update(int done, int total);
  }
}
