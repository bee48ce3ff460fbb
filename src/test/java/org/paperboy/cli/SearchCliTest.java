package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search commands end to end, in-process, on a temp data dir holding the MLLM listing. */
class SearchCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run paperboy(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    all.addAll(List.of(args));
    // lexical only: the model's behaviour is covered in SemanticSearchTest, at a tenth of the cost
    Map<String, String> env = Map.of("PAPERBOY_EMBEDDINGS", "off");
    int code =
        Main.run(all.toArray(String[]::new), env, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void ingest() {
    assertThat(
            paperboy("ingest", "src/test/resources/fixtures/listing/mllm-search-listing.txt")
                .code())
        .isZero();
  }

  @Test
  void search_prints_one_json_object_per_hit() throws Exception {
    Run r =
        paperboy(
            "search",
            "multimodal large language models",
            "--mode",
            "lexical",
            "--limit",
            "3",
            "--json");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.has("id")).isTrue();
    assertThat(first.get("title").asText()).containsIgnoringCase("multimodal");
    assertThat(first.get("score").isNumber()).isTrue();
  }

  @Test
  void a_syntax_error_is_one_line_and_exit_code_2() {
    Run r = paperboy("search", "vision \"language");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("paperboy: the quote at position 8 is never closed\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void an_ambiguous_acronym_gets_a_note_with_its_readings() {
    Run r = paperboy("search", "MLLM", "--mode", "lexical", "--limit", "1");
    assertThat(r.err())
        .contains("note: MLLM = multimodal large language model (")
        .contains("multilingual large language model");
  }

  @Test
  void acronyms_shows_the_mined_readings_of_a_term() {
    Run r = paperboy("acronyms", "mllms");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("MLLM = multimodal large language model (");
    assertThat(paperboy("acronyms", "XYZQ").code()).isEqualTo(2);
  }

  @Test
  void related_and_reindex_work_on_the_stored_papers() throws Exception {
    String id =
        new ObjectMapper()
            .readTree(
                paperboy("search", "Dense Connector for MLLMs", "--limit", "1", "--json").out())
            .get("id")
            .asText();
    Run related = paperboy("related", id, "--limit", "3", "--json");
    assertThat(related.code()).isZero();
    assertThat(related.out().lines()).hasSize(3).noneMatch(l -> l.contains("\"" + id + "\""));
    assertThat(paperboy("reindex").out()).startsWith("indexed 203 papers");
  }

  @Test
  void eval_prints_exactly_one_line() {
    Run r = paperboy("eval", "src/test/resources/fixtures/beir-mini", "--mode", "lexical");
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("ndcg@10=\\d\\.\\d{4} recall@100=\\d\\.\\d{4} queries=5\n");
  }

  @Test
  void eval_writes_per_query_scores_and_a_trec_run_beside_the_unchanged_line() throws Exception {
    Path perQuery = dir.resolve("per-query.tsv");
    Path runFile = dir.resolve("lexical.run");
    Run r =
        paperboy(
            "eval",
            "src/test/resources/fixtures/beir-mini",
            "--mode",
            "lexical",
            "--per-query",
            perQuery.toString(),
            "--run",
            runFile.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("ndcg@10=\\d\\.\\d{4} recall@100=\\d\\.\\d{4} queries=5\n");
    List<String[]> rows =
        java.nio.file.Files.readAllLines(perQuery).stream().map(l -> l.split("\t")).toList();
    assertThat(rows).hasSize(5).allMatch(f -> f.length == 3);
    double mean = rows.stream().mapToDouble(f -> Double.parseDouble(f[1])).average().orElseThrow();
    double printed = Double.parseDouble(r.out().replaceAll("^ndcg@10=(\\S+) .*\n", "$1"));
    assertThat(mean).isCloseTo(printed, org.assertj.core.api.Assertions.within(0.0003));
    Map<String, List<String[]>> byQuery = new java.util.LinkedHashMap<>();
    for (String l : java.nio.file.Files.readAllLines(runFile)) {
      String[] f = l.split(" ");
      assertThat(f).hasSize(6);
      assertThat(f[1]).isEqualTo("Q0");
      assertThat(f[5]).isEqualTo("paperboy");
      byQuery.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
    }
    assertThat(byQuery.keySet()).containsExactlyElementsOf(rows.stream().map(f -> f[0]).toList());
    for (List<String[]> lines : byQuery.values()) {
      for (int i = 0; i < lines.size(); i++) {
        assertThat(Integer.parseInt(lines.get(i)[3])).isEqualTo(i + 1);
        // trec_eval sorts by score: strictly decreasing keeps paperboy's order
        if (i > 0)
          assertThat(Double.parseDouble(lines.get(i)[4]))
              .isLessThan(Double.parseDouble(lines.get(i - 1)[4]));
      }
    }
  }

  @Test
  void eval_on_a_missing_split_is_bad_input() {
    Run r =
        paperboy(
            "eval",
            "src/test/resources/fixtures/beir-mini",
            "--mode",
            "lexical",
            "--split",
            "train");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("qrels/train.tsv is missing");
  }
}
