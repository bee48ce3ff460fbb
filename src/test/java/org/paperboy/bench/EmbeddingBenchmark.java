package org.paperboy.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * <pre>bench/run EmbeddingBenchmark [--docs 400] [--rounds 3] [--slice 20] [--threads N]
 *     [--batch-tokens T] [--batch-rows R]</pre>
 */
public final class EmbeddingBenchmark {
  private static final String OUTPUT = "last_hidden_state";

  public static void main(String[] args) throws OrtException {
    int docs = intArg(args, "--docs", 400);
    int rounds = intArg(args, "--rounds", 3);
    int threads = intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
    int batchTokens = intArg(args, "--batch-tokens", PipelineProbe.defaultBatchTokens());
    int batchRows = intArg(args, "--batch-rows", PipelineProbe.defaultBatchRows());
    int slice = intArg(args, "--slice", 20);

    List<String> texts = abstracts(docs);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (BgeSmallEmbedder ours = PipelineProbe.embedder(threads, batchRows, batchTokens);
        OrtSession.SessionOptions options = PipelineProbe.sessionOptions(threads);
        OrtSession bare = env.createSession(PipelineProbe.modelBytes(), options)) {
      long t0 = System.nanoTime();
      List<int[]> tokens = PipelineProbe.tokenize(ours, texts);
      double tokenizeSeconds = seconds(t0);

      // Both sides work through the same slices of texts in turns, a few seconds each, so that
      // the load of a shared machine falls on both alike; each slice is one call of our pipeline,
      // and the bare session gets exactly the batches that call builds.
      List<List<String>> slices = new ArrayList<>();
      List<List<TokenBatch>> sliceBatches = new ArrayList<>();
      for (int from = 0; from < texts.size(); from += slice) {
        List<String> part = texts.subList(from, Math.min(texts.size(), from + slice));
        slices.add(part);
        sliceBatches.add(PipelineProbe.batches(ours, part));
      }
      describe(
          texts, tokens, sliceBatches, threads, batchRows, batchTokens, slice, tokenizeSeconds);

      try (BareRunner runner = new BareRunner(env, bare, sliceBatches)) {
        // Warm-up: JIT, ONNX Runtime's arena and thread pools.
        ours.embedDocuments(slices.get(0));
        runner.run(0);

        List<Double> oursRates = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        double oursTotal = 0;
        double bareTotal = 0;
        for (int round = 1; round <= rounds; round++) {
          double oursSeconds = 0;
          double bareSeconds = 0;
          for (int k = 0; k < slices.size(); k++) {
            boolean oursFirst = (k + round) % 2 == 0; // alternate who goes first
            for (int side = 0; side < 2; side++) {
              if ((side == 0) == oursFirst) {
                long start = System.nanoTime();
                ours.embedDocuments(slices.get(k));
                oursSeconds += seconds(start);
              } else {
                bareSeconds += runner.run(k);
              }
            }
          }
          oursRates.add(texts.size() / oursSeconds);
          bareRates.add(texts.size() / bareSeconds);
          oursTotal += oursSeconds;
          bareTotal += bareSeconds;
          System.out.printf(
              "round %d: pipeline %.2f abstracts/s, bare session %.2f abstracts/s, ratio %.3f%n",
              round, last(oursRates), last(bareRates), last(oursRates) / last(bareRates));
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
          ratios.add(oursRates.get(i) / bareRates.get(i));
        }
        System.out.printf(
            "median of %d rounds: pipeline %.2f abstracts/s, bare session %.2f abstracts/s;"
                + " ratio %.3f (median of the rounds' ratios), %.3f (all rounds pooled);"
                + " target >= 0.9%n",
            rounds, median(oursRates), median(bareRates), median(ratios), bareTotal / oursTotal);
      }
    }
  }

  /**
   * The baseline: a bare session running pre-built input tensors (made before any timer), taking
   * the output and doing nothing with it.
   */
  private static final class BareRunner implements AutoCloseable {
    private final OrtSession session;
    private final List<List<Map<String, OnnxTensor>>> inputs = new ArrayList<>();

    BareRunner(OrtEnvironment env, OrtSession session, List<List<TokenBatch>> slices)
        throws OrtException {
      this.session = session;
      boolean types = session.getInputNames().contains("token_type_ids");
      for (List<TokenBatch> batches : slices) {
        List<Map<String, OnnxTensor>> slice = new ArrayList<>();
        inputs.add(slice);
        for (TokenBatch b : batches) {
          Map<String, OnnxTensor> in = new HashMap<>();
          slice.add(in);
          in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(b.ids()), b.shape()));
          in.put(
              "attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(b.mask()), b.shape()));
          if (types) {
            in.put(
                "token_type_ids",
                OnnxTensor.createTensor(env, LongBuffer.wrap(b.typeIds()), b.shape()));
          }
        }
      }
    }

    /** Seconds to run the batches of slice {@code k}. */
    double run(int k) throws OrtException {
      long start = System.nanoTime();
      for (Map<String, OnnxTensor> in : inputs.get(k)) {
        session.run(in, Set.of(OUTPUT)).close(); // the bare cost: the run and nothing after it
      }
      return seconds(start);
    }

    @Override
    public void close() {
      inputs.forEach(slice -> slice.forEach(in -> in.values().forEach(OnnxTensor::close)));
    }
  }

  private static void describe(
      List<String> texts,
      List<int[]> tokens,
      List<List<TokenBatch>> slices,
      int threads,
      int batchRows,
      int batchTokens,
      int slice,
      double tokenizeSeconds) {
    long real = tokens.stream().mapToLong(t -> t.length).sum();
    List<TokenBatch> batches = slices.stream().flatMap(List::stream).toList();
    long padded = batches.stream().mapToLong(b -> b.shape()[0] * b.shape()[1]).sum();
    System.out.printf(
        "%d abstracts in %d slices of %d, %.0f tokens each on average (max %d); %d batches (at"
            + " most %d rows and %d padded tokens), padding %.1f%% of tokens%n",
        texts.size(),
        slices.size(),
        slice,
        real / (double) texts.size(),
        tokens.stream().mapToInt(t -> t.length).max().orElse(0),
        batches.size(),
        batchRows,
        batchTokens,
        100.0 * (padded - real) / padded);
    System.out.printf(
        "intra-op threads %d; our tokenizer: %.2f ms for all (%.1f µs per abstract, cold JIT)%n",
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
