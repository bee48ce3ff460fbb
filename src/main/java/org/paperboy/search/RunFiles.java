package org.paperboy.search;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.paperboy.PaperboyException;
import org.paperboy.search.Evaluation.QueryScore;

/**
 * What {@code paperboy eval --per-query} and {@code --run} write: the per-query scores, and a TREC
 * run file that {@code trec_eval} reads.
 */
public final class RunFiles {
  /** The tag in a run file's last column. */
  static final String TAG = "paperboy";

  private RunFiles() {}

  /** One line per query: {@code qid TAB ndcg@10 TAB recall@100}. */
  public static void writePerQuery(Path file, List<QueryScore> scores) {
    write(
        file,
        w -> {
          for (QueryScore q : scores) {
            w.write(
                String.format(Locale.ROOT, "%s\t%.4f\t%.4f%n", q.qid(), q.ndcg10(), q.recall100()));
          }
        });
  }

  /**
   * {@code qid Q0 docid rank score paperboy}, best first. trec_eval orders by the score column
   * (ties by doc id), not by rank, so where a score ties or exceeds the one above (equal fused
   * scores, a pinned hit) it is written 0.000001 below it: trec_eval then scores the order paperboy
   * gave.
   */
  public static void writeRun(Path file, List<QueryScore> scores) {
    write(
        file,
        w -> {
          for (QueryScore q : scores) {
            long previous = Long.MAX_VALUE;
            for (int i = 0; i < q.ranked().size(); i++) {
              SearchHit h = q.ranked().get(i);
              long micros = Double.isFinite(h.score()) ? Math.round(h.score() * 1e6) : 0;
              micros = Math.min(micros, previous - 1);
              previous = micros;
              w.write(
                  String.format(
                      Locale.ROOT,
                      "%s Q0 %s %d %.6f %s%n",
                      q.qid(),
                      h.id(),
                      i + 1,
                      micros / 1e6,
                      TAG));
            }
          }
        });
  }

  private interface Lines {
    void to(Writer w) throws IOException;
  }

  private static void write(Path file, Lines lines) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      lines.to(w);
    } catch (IOException e) {
      throw new PaperboyException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
