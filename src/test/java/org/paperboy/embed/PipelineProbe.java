package org.paperboy.embed;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;

/**
 * Opens the package's internals to the embedding benchmark (org.paperboy.bench), so that its
 * bare-session baseline runs on exactly the batches our pipeline builds, with the same settings.
 */
public final class PipelineProbe {
  private PipelineProbe() {}

  /** A tokenized, padded batch ready for a session: row-major [rows, length] arrays. */
  public record TokenBatch(long[] ids, long[] mask, long[] typeIds, long[] shape) {}

  public static BgeSmallEmbedder embedder(int threads, int batchRows, int batchTokens) {
    return BgeSmallEmbedder.create(threads, batchRows, batchTokens);
  }

  public static int defaultBatchRows() {
    return BgeSmallEmbedder.DEFAULT_BATCH_ROWS;
  }

  public static int defaultBatchTokens() {
    return BgeSmallEmbedder.DEFAULT_BATCH_TOKENS;
  }

  public static List<int[]> tokenize(BgeSmallEmbedder embedder, List<String> texts) {
    return embedder.tokenize(texts, "");
  }

  /** The batches {@code embedder} would run for these documents, in the order it runs them. */
  public static List<TokenBatch> batches(BgeSmallEmbedder embedder, List<String> texts) {
    return embedder.batches(embedder.tokenize(texts, "")).stream()
        .map(b -> new TokenBatch(b.ids(), b.mask(), b.typeIds(), new long[] {b.rows(), b.length()}))
        .toList();
  }

  public static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
    return BgeSmallEmbedder.sessionOptions(threads);
  }

  public static byte[] modelBytes() {
    return BgeSmallEmbedder.modelBytes();
  }
}
