package org.paperboy.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.Fixtures;
import org.paperboy.embed.PipelineProbe;
import org.paperboy.embed.PipelineProbe.TokenBatch;

/**
 * Benchmark 1: embedding throughput of our pipeline (tokenize + batch + ONNX + pooling +
 * normalisation) against a bare ONNX Runtime session running the very same pre-tokenized batches,
 * with the same session settings, in the same run. Tokenization and tensor creation for the bare
 * side happen before its timer, so the ratio is the price of everything we add around the model.
 *
 * <pre>bench/run EmbeddingBenchmark [--docs 400] [--rounds 3] [--threads N] [--batch-tokens T]
 *     [--batch-rows R]</pre>
 */
public final class EmbeddingBenchmark {
  private static final String OUTPUT = "last_hidden_state";

  public static void main(String[] args) throws OrtException {
    int docs = intArg(args, "--docs", 400);
    int rounds = intArg(args, "--rounds", 3);
    int threads = intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
    int batchTokens = intArg(args, "--batch-tokens", PipelineProbe.defaultBatchTokens());
    int batchRows = intArg(args, "--batch-rows", PipelineProbe.defaultBatchRows());

    List<String> texts = abstracts(docs);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (BgeSmallEmbedder ours = PipelineProbe.embedder(threads, batchRows, batchTokens);
        OrtSession.SessionOptions options = PipelineProbe.sessionOptions(threads);
        OrtSession bare = env.createSession(PipelineProbe.modelBytes(), options)) {
      long t0 = System.nanoTime();
      List<int[]> tokens = PipelineProbe.tokenize(ours, texts);
      double tokenizeSeconds = seconds(t0);
      List<TokenBatch> batches = PipelineProbe.batches(ours, texts);
      describe(texts, tokens, batches, threads, batchRows, batchTokens, tokenizeSeconds);

      // Warm-up: JIT, ONNX Runtime's arena and thread pool, on a slice of the texts.
      List<String> warm = texts.subList(0, Math.min(32, texts.size()));
      ours.embedDocuments(warm);
      runBare(env, bare, PipelineProbe.batches(ours, warm));

      List<Double> oursRates = new ArrayList<>();
      List<Double> bareRates = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        // Alternate which side goes first, so drift in machine load hits both alike.
        boolean oursFirst = round % 2 == 1;
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == oursFirst) {
            long start = System.nanoTime();
            ours.embedDocuments(texts);
            oursRates.add(texts.size() / seconds(start));
          } else {
            bareRates.add(texts.size() / runBare(env, bare, batches));
          }
        }
        System.out.printf(
            "round %d: pipeline %.2f abstracts/s, bare session %.2f abstracts/s, ratio %.3f%n",
            round, last(oursRates), last(bareRates), last(oursRates) / last(bareRates));
      }
      double o = median(oursRates);
      double b = median(bareRates);
      System.out.printf(
          "median of %d rounds: pipeline %.2f abstracts/s, bare session %.2f abstracts/s,"
              + " ratio %.3f (target >= 0.9)%n",
          rounds, o, b, o / b);
    }
  }

  /** Seconds for the bare session to run all batches; tensors are built before the timer. */
  private static double runBare(OrtEnvironment env, OrtSession session, List<TokenBatch> batches)
      throws OrtException {
    boolean types = session.getInputNames().contains("token_type_ids");
    List<Map<String, OnnxTensor>> inputs = new ArrayList<>();
    try {
      for (TokenBatch b : batches) {
        OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(b.ids()), b.shape());
        OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(b.mask()), b.shape());
        OnnxTensor typeIds = OnnxTensor.createTensor(env, LongBuffer.wrap(b.typeIds()), b.shape());
        inputs.add(
            types
                ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", typeIds)
                : Map.of("input_ids", ids, "attention_mask", mask));
        if (!types) {
          typeIds.close();
        }
      }
      long start = System.nanoTime();
      for (Map<String, OnnxTensor> in : inputs) {
        session.run(in, Set.of(OUTPUT)).close(); // the bare cost: the run and nothing after it
      }
      return seconds(start);
    } finally {
      inputs.forEach(m -> m.values().forEach(OnnxTensor::close));
    }
  }

  private static void describe(
      List<String> texts,
      List<int[]> tokens,
      List<TokenBatch> batches,
      int threads,
      int batchRows,
      int batchTokens,
      double tokenizeSeconds) {
    long real = tokens.stream().mapToLong(t -> t.length).sum();
    long padded = batches.stream().mapToLong(b -> b.shape()[0] * b.shape()[1]).sum();
    System.out.printf(
        "%d abstracts, %.0f tokens each on average (max %d), %d batches (at most %d rows and %d"
            + " padded tokens), padding %.1f%% of tokens%n",
        texts.size(),
        real / (double) texts.size(),
        tokens.stream().mapToInt(t -> t.length).max().orElse(0),
        batches.size(),
        batchRows,
        batchTokens,
        100.0 * (padded - real) / padded);
    System.out.printf(
        "intra-op threads %d; our tokenizer: %.2f ms for all (%.1f µs per abstract, first run)%n",
        threads, tokenizeSeconds * 1e3, tokenizeSeconds * 1e6 / texts.size());
  }

  /** Real abstracts from the fixtures, repeated if more are asked for than there are. */
  private static List<String> abstracts(int n) {
    List<String> all = Fixtures.paperTexts();
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      texts.add(all.get(i % all.size()));
    }
    return texts;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double last(List<Double> xs) {
    return xs.get(xs.size() - 1);
  }

  private static double median(List<Double> xs) {
    double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static int intArg(String[] args, String name, int fallback) {
    int at = Arrays.asList(args).indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= args.length) {
      throw new IllegalArgumentException(name + " needs a number");
    }
    return Integer.parseInt(args[at + 1]);
  }
}
