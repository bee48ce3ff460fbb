package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Paper;

/**
 * The product's headline promise on 203 real papers: "multimodal large language models" finds the
 * MLLM / LVLM papers and does not put multilingual-LLM or masked-LM papers ahead of them.
 */
class MllmSearchTest {
  private static final Pattern MULTIMODAL =
      Pattern.compile("(?i)multi-?modal|vision|visual|image|video|LVLM|VLM");
  private static final Pattern OTHER_MLLM = Pattern.compile("(?i)multilingual|masked language");

  @TempDir static Path dir;
  static PaperIndex index;
  static SearchEngine engine;
  static Map<String, Paper> byId;

  @BeforeAll
  static void build() {
    List<Paper> papers = TestCorpus.mllmListing();
    byId = papers.stream().collect(Collectors.toMap(Paper::id, Function.identity(), (a, b) -> a));
    index = PaperIndex.open(dir.resolve("index"), "none");
    index.upsert(Indexing.documents(papers, null));
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    SearchService.mine(papers)
        .values()
        .forEach(
            defs ->
                defs.forEach(
                    d ->
                        counts
                            .computeIfAbsent(d.shortForm(), k -> new HashMap<>())
                            .merge(d.longForm(), 1, Integer::sum)));
    AcronymLexicon lexicon = AcronymLexicon.of(counts);
    engine = new SearchEngine(index, null, () -> lexicon);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private List<Paper> top(String query, int n) {
    SearchRequest r = new SearchRequest(query, SearchMode.LEXICAL, n, null, null, List.of());
    return engine.search(QuerySyntax.parse(query), r, null, true).hits().stream()
        .map(h -> byId.get(h.id()))
        .toList();
  }

  /** About another MLLM: mentions multilingual or masked LMs and nothing multimodal. */
  private static boolean aboutAnotherMllm(Paper p) {
    String text = p.title() + " " + p.abstractText();
    return OTHER_MLLM.matcher(text).find() && !MULTIMODAL.matcher(text).find();
  }

  @Test
  void multimodal_large_language_models_finds_multimodal_papers_first() {
    List<Paper> top = top("multimodal large language models", 20);
    assertThat(top).hasSize(20);
    assertThat(top)
        .allSatisfy(
            p ->
                assertThat(MULTIMODAL.matcher(p.title() + " " + p.abstractText()).find())
                    .as(p.title())
                    .isTrue());
  }

  @Test
  void the_acronym_alone_prefers_the_common_multimodal_reading() {
    List<Paper> top = top("MLLMs", 10);
    assertThat(top).noneMatch(MllmSearchTest::aboutAnotherMllm);
  }

  @Test
  void the_spelled_out_other_readings_find_their_own_papers() {
    assertThat(top("multilingual large language models", 3))
        .anySatisfy(p -> assertThat(p.abstractText()).containsIgnoringCase("multilingual"));
    assertThat(top("masked language models", 3))
        .allSatisfy(p -> assertThat(p.title() + p.abstractText()).containsIgnoringCase("mask"));
  }

  @Test
  void vision_language_model_papers_are_found_by_their_acronym() {
    assertThat(top("LVLMs hallucination", 5))
        .first()
        .satisfies(p -> assertThat(p.title() + p.abstractText()).contains("LVLM"));
  }
}
