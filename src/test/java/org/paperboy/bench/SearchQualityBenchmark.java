package org.paperboy.bench;

import java.nio.file.Path;
import org.paperboy.app.Config;
import org.paperboy.search.EvalCache;
import org.paperboy.search.Evaluation;
import org.paperboy.search.SearchMode;

/**
 * Runs the evaluation harness on a BEIR folder for the given modes and prints one line each: {@code
 * bench/run SearchQualityBenchmark PATH/TO/beir/scifact lexical}.
 */
public final class SearchQualityBenchmark {
  public static void main(String[] args) {
    Path dir = args.length > 0 ? Path.of(args[0]) : SearchBench.corpus(args);
    String[] modes = args.length > 1 ? args[1].split(",") : new String[] {"lexical"};
    try (EvalCache embedder =
        EvalCache.open(Config.from(null, System.getenv()).search().evalCache())) {
      for (String m : modes) {
        SearchMode mode = SearchMode.parse(m);
        long t0 = System.nanoTime();
        Evaluation.Result r = Evaluation.run(dir, mode, mode.usesVectors() ? embedder : null);
        System.out.printf("%-8s %s  (%.1f s)%n", mode, r.line(), (System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
