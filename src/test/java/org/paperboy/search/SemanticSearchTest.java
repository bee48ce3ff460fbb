package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.paper.Paper;

/**
 * Semantic and hybrid search with the real model on the 203 listing papers (embedded once, about 10
 * s). Every fifth paper is put in cs.CL so filters can be checked inside the vector search.
 */
class SemanticSearchTest {
  private static final Pattern MULTIMODAL =
      Pattern.compile("(?i)multi-?modal|vision|visual|image|video|LVLM|VLM");
  private static final Pattern OTHER_MLLM = Pattern.compile("(?i)multilingual|masked language");

  @TempDir static Path dir;
  static BgeSmallEmbedder model;
  static PaperIndex index;
  static SearchEngine engine;
  static Map<String, Paper> byId = new HashMap<>();

  @BeforeAll
  static void build() {
    List<Paper> papers = new ArrayList<>();
    List<Paper> listing = TestCorpus.mllmListing();
    for (int i = 0; i < listing.size(); i++) {
      Paper p = listing.get(i).toBuilder().addCategory(i % 5 == 0 ? "cs.CL" : "cs.CV").build();
      if (byId.putIfAbsent(p.id(), p) == null) papers.add(p);
    }
    model = BgeSmallEmbedder.create();
    index = PaperIndex.open(dir.resolve("index"), model.modelName());
    index.upsert(Indexing.documents(papers, model));
    engine = new SearchEngine(index, model, () -> AcronymLexicon.EMPTY);
  }

  @AfterAll
  static void close() {
    index.close();
    model.close();
  }

  private List<Paper> top(String query, SearchMode mode, int n) {
    SearchRequest r = new SearchRequest(query, mode, n, null, null, List.of());
    return engine.search(QuerySyntax.parse(query), r, null, false).hits().stream()
        .map(h -> byId.get(h.id()))
        .toList();
  }

  private static boolean multimodal(Paper p) {
    return MULTIMODAL.matcher(p.title() + " " + p.abstractText()).find();
  }

  private static boolean aboutAnotherMllm(Paper p) {
    return OTHER_MLLM.matcher(p.title() + " " + p.abstractText()).find() && !multimodal(p);
  }

  @Test
  void semantic_and_hybrid_find_multimodal_papers_first() {
    for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
      List<Paper> top = top("multimodal large language models", mode, 10);
      assertThat(top).as(mode.toString()).hasSize(10).allMatch(SemanticSearchTest::multimodal);
    }
  }

  @Test
  void meaning_finds_papers_that_use_other_words() {
    // none of these words need to appear: the model knows LVLMs are vision-language models
    List<Paper> top =
        top("models that look at pictures and answer questions about them", SearchMode.SEMANTIC, 5);
    assertThat(top).allMatch(SemanticSearchTest::multimodal);
  }

  @Test
  void the_other_readings_are_not_confused_with_multimodal() {
    assertThat(top("multilingual large language models for many languages", SearchMode.HYBRID, 3))
        .allSatisfy(p -> assertThat(p.abstractText()).containsIgnoringCase("multilingual"));
    assertThat(top("vision language models hallucination", SearchMode.HYBRID, 10))
        .noneMatch(SemanticSearchTest::aboutAnotherMllm);
  }

  @Test
  void a_category_filter_is_applied_inside_the_vector_search() {
    // a filter applied after a top-k search would return fewer than k of the rarer category
    List<Paper> top = top("multimodal large language models cat:cs.CL", SearchMode.SEMANTIC, 30);
    assertThat(top).hasSize(30).allMatch(p -> p.categories().contains("cs.CL"));
  }

  @Test
  void a_filter_that_no_paper_passes_gives_no_results_not_an_error() {
    assertThat(top("multimodal large language models cat:math.AG", SearchMode.SEMANTIC, 10))
        .isEmpty();
    assertThat(top("multimodal large language models cat:math.AG", SearchMode.HYBRID, 10))
        .isEmpty();
  }

  @Test
  void related_papers_are_near_in_meaning() {
    Paper mllm =
        byId.values().stream()
            .filter(p -> p.title().startsWith("Dense Connector for MLLMs"))
            .findFirst()
            .orElseThrow();
    List<SearchHit> related = engine.related(mllm.id(), 5);
    assertThat(related).hasSize(5).noneMatch(h -> h.id().equals(mllm.id()));
    assertThat(related).allMatch(h -> multimodal(byId.get(h.id())));
  }
}
