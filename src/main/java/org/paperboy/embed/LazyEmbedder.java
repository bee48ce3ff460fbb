package org.paperboy.embed;

import java.util.List;
import java.util.function.Supplier;

/**
 * Loads the model on the first embedding call. Most commands (papers show, stats, a lexical search)
 * never embed, and loading the ONNX session costs a second and ~100 MB.
 */
final class LazyEmbedder implements Embedder {
  private final String modelName;
  private final int dimensions;
  private final Supplier<? extends Embedder> loader;
  private Embedder model;

  LazyEmbedder(String modelName, int dimensions, Supplier<? extends Embedder> loader) {
    this.modelName = modelName;
    this.dimensions = dimensions;
    this.loader = loader;
  }

  private synchronized Embedder model() {
    if (model == null) model = loader.get();
    return model;
  }

  @Override
  public String modelName() {
    return modelName;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public float[][] embedDocuments(List<String> texts) {
    return model().embedDocuments(texts);
  }

  @Override
  public float[][] embedDocuments(List<String> texts, Progress progress) {
    return model().embedDocuments(texts, progress);
  }

  @Override
  public float[][] embedQueries(List<String> texts) {
    return model().embedQueries(texts);
  }

  @Override
  public synchronized void close() {
    if (model != null) model.close();
  }
}
