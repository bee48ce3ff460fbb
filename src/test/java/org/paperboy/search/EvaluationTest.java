package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;

class EvaluationTest {

  @Test
  void scores_the_beir_mini_collection_in_one_line() {
    Evaluation.Result r = Evaluation.run(TestCorpus.beirMini(), SearchMode.LEXICAL, null);
    assertThat(r.queries()).isEqualTo(5);
    assertThat(r.ndcg10()).isBetween(0.5, 1.0);
    assertThat(r.line()).matches("ndcg@10=\\d\\.\\d{4} recall@100=\\d\\.\\d{4} queries=5");
  }

  @Test
  void ndcg_and_recall_follow_trec_eval() {
    Map<String, Integer> judged = Map.of("a", 2, "b", 1, "z", 0);
    assertThat(Metrics.ndcg(List.of("a", "b"), judged, 10)).isEqualTo(1.0);
    double log2of3 = Math.log(3) / Math.log(2);
    // gain is the grade itself: b (1) first, a (2) second, against the ideal a, b
    assertThat(Metrics.ndcg(List.of("b", "a"), judged, 10))
        .isCloseTo((1 + 2 / log2of3) / (2 + 1 / log2of3), within(1e-9));
    assertThat(Metrics.recall(List.of("x", "b", "z"), judged, 100)).isEqualTo(0.5);
  }

  @Test
  void a_folder_that_is_not_beir_is_bad_input(@TempDir Path dir) {
    assertThatThrownBy(() -> Evaluation.run(dir, SearchMode.LEXICAL, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("corpus.jsonl is missing");
  }

  @Test
  void a_broken_corpus_line_is_reported_with_its_line_number(@TempDir Path dir) {
    TestCorpus.write(
        dir.resolve("corpus.jsonl"), "{\"_id\":\"d1\",\"title\":\"t\",\"text\":\"x\"}\n{oops\n");
    TestCorpus.write(dir.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"x\"}\n");
    TestCorpus.write(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
    assertThatThrownBy(() -> Evaluation.run(dir, SearchMode.LEXICAL, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("line 2 of corpus.jsonl: not JSON");
  }
}
