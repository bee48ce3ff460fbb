package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.testing.TestThreads;

/** The service on a real H2 store and a real Lucene index on disk, lexical only (no embedder). */
class SearchServiceTest {
  @TempDir Path dir;
  private Database db;
  private PaperRepository papers;
  private SearchService search;

  private static final Paper VISION =
      paper(
          "2401.00001",
          "Visual Token Pruning for Multimodal LLMs",
          "Multimodal Large Language Models (MLLMs) spend most compute on visual tokens. We prune them.",
          "cs.CV",
          LocalDate.of(2024, 1, 2),
          "Ada Lovelace");
  private static final Paper SPEECH =
      paper(
          "2305.00002",
          "Speech Recognition with Transformers",
          "Automatic speech recognition (ASR) with a transformer encoder & <b>bold</b> claims.",
          "eess.AS",
          LocalDate.of(2023, 5, 1),
          "Alan Turing");
  private static final Paper LINGUAL =
      paper(
          "2502.00003",
          "Multilingual LLMs for Low-Resource Languages",
          "Multilingual Large Language Models (MLLMs) serve many languages. We study low-resource ones.",
          "cs.CL",
          LocalDate.of(2025, 2, 3),
          "Grace Hopper");

  static Paper paper(
      String id, String title, String abs, String cat, LocalDate day, String author) {
    return Paper.builder()
        .id(id)
        .title(title)
        .abstractText(abs)
        .addCategory(cat)
        .published(day)
        .addAuthor(author)
        .build();
  }

  final TestThreads threads = new TestThreads();

  @BeforeEach
  void open() {
    db =
        Database.open(
            "jdbc:h2:mem:" + dir.getFileName() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            null,
            null);
    papers = new PaperRepository(db.jdbi());
    store(VISION, SPEECH, LINGUAL);
    search = SearchService.open(dir.resolve("index"), papers, db.jdbi(), null, threads.search());
  }

  private void store(Paper... ps) {
    papers.write(List.of(ps), List.of(), List.of(), Instant.now());
  }

  @AfterEach
  void close() {
    search.close();
    db.close();
    threads.close();
  }

  private List<String> ids(String query) {
    return search.search(request(query, SearchMode.HYBRID, 20)).hits().stream()
        .map(SearchHit::id)
        .toList();
  }

  /** A search as the web and the CLI build it, with no date range and no category filter. */
  private static SearchRequest request(String query, SearchMode mode, int limit) {
    return new SearchRequest(query, mode, limit, null, null, List.of());
  }

  @Test
  void builds_a_missing_index_from_the_store() {
    assertThat(ids("speech")).containsExactly("2305.00002");
  }

  @Test
  void a_paper_is_searchable_as_soon_as_it_is_indexed() {
    Paper p =
        paper(
            "2406.00004",
            "Graph Neural Networks",
            "GNNs on molecules.",
            "cs.LG",
            LocalDate.of(2024, 6, 1),
            "X");
    store(p);
    search.catchUp();
    assertThat(ids("molecules")).containsExactly("2406.00004");
  }

  @Test
  void changes_are_refreshed_not_committed_and_close_commits_them() {
    Paper p =
        paper(
            "2406.00004",
            "Graph Neural Networks",
            "GNNs on molecules.",
            "cs.LG",
            LocalDate.of(2024, 6, 1),
            "X");
    store(p);
    search.catchUp();
    assertThat(ids("molecules")).containsExactly("2406.00004");
    search.close();
    search = SearchService.open(dir.resolve("index"), papers, db.jdbi(), null, threads.search());
    assertThat(ids("molecules")).containsExactly("2406.00004");
  }

  @Test
  void an_index_that_stopped_before_its_commit_catches_up_from_the_store() throws IOException {
    assertThat(ids("speech")).containsExactly("2305.00002"); // opened and committed
    Paper p =
        paper(
            "2406.00004",
            "Graph Neural Networks",
            "GNNs on molecules.",
            "cs.LG",
            LocalDate.of(2024, 6, 1),
            "X");
    store(p);
    search.catchUp();
    // A process that dies now leaves the last commit, without the paper: copy it.
    Path crashed = dir.resolve("crashed");
    Files.createDirectories(crashed);
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        Files.copy(f, crashed.resolve(f.getFileName()));
      }
    }
    // Meanwhile a second process on the live index only reads it.
    try (SearchService second =
        SearchService.open(dir.resolve("index"), papers, db.jdbi(), null, threads.search())) {
      assertThat(second.search(request("speech", SearchMode.HYBRID, 20)).hits()).hasSize(1);
    }
    try (SearchService restarted =
        SearchService.open(crashed, papers, db.jdbi(), null, threads.search())) {
      assertThat(restarted.search(request("molecules", SearchMode.HYBRID, 20)).hits())
          .extracting(SearchHit::id)
          .containsExactly("2406.00004");
    }
  }

  @Test
  void a_corrupt_index_is_rebuilt_from_the_store() throws IOException {
    assertThat(ids("speech")).hasSize(1);
    search.close();
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(f, new byte[] {1, 2, 3});
      }
    }
    search = SearchService.open(dir.resolve("index"), papers, db.jdbi(), null, threads.search());
    assertThat(ids("speech")).containsExactly("2305.00002");
  }

  @Test
  void filters_by_category_year_and_exclusion() {
    assertThat(ids("models cat:cs.CV")).containsExactly("2401.00001");
    assertThat(ids("language year:2025")).containsExactly("2502.00003");
    assertThat(ids("mllms -multilingual")).containsExactly("2401.00001");
    assertThat(ids("cat:cs")).containsExactly("2502.00003", "2401.00001");
    assertThat(ids("author:turing")).containsExactly("2305.00002");
  }

  @Test
  void an_archive_with_a_hyphen_matches_all_its_categories_in_the_query_and_the_parameter() {
    Paper bio =
        paper(
            "2401.00011",
            "Populations",
            "Evolving cells.",
            "q-bio.PE",
            LocalDate.of(2024, 1, 5),
            "X");
    Paper mat =
        paper(
            "2401.00012",
            "Quantum dots",
            "Mesoscopic.",
            "cond-mat.mes-hall",
            LocalDate.of(2024, 1, 6),
            "Y");
    Paper hep = paper("2401.00013", "Strings", "Branes.", "hep-th", LocalDate.of(2024, 1, 7), "Z");
    store(bio, mat, hep);
    search.catchUp();
    assertThat(ids("cat:q-bio")).containsExactly("2401.00011");
    assertThat(ids("cat:cond-mat")).containsExactly("2401.00012");
    assertThat(ids("cat:cond-mat.mes-hall")).containsExactly("2401.00012");
    assertThat(ids("cat:hep-th")).containsExactly("2401.00013");
    assertThat(ids("cat:q-bio.PE")).containsExactly("2401.00011");
    SearchRequest byParameter =
        new SearchRequest("cells", SearchMode.LEXICAL, 20, null, null, List.of("q-bio"));
    assertThat(search.search(byParameter).hits())
        .extracting(SearchHit::id)
        .containsExactly("2401.00011");
  }

  @Test
  void filter_only_queries_score_numbers_and_list_the_newest_first() {
    for (String q : List.of("cat:cs", "-multilingual", "year:2023..2025", "..")) {
      for (SearchMode mode : SearchMode.values()) {
        SearchRequest r = new SearchRequest(q, mode, 20, LocalDate.of(2000, 1, 1), null, List.of());
        List<SearchHit> hits = search.search(r).hits();
        assertThat(hits).as(q + " " + mode).isNotEmpty().allMatch(h -> Double.isFinite(h.score()));
        assertThat(hits)
            .as(q + " " + mode)
            .extracting(SearchHit::published)
            .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      }
    }
    assertThat(ids("-multilingual")).containsExactly("2401.00001", "2305.00002");
  }

  @Test
  void pins_an_exact_arxiv_id_or_title_first() {
    assertThat(search.search(request("arXiv:2305.00002v3", SearchMode.HYBRID, 20)).hits())
        .first()
        .satisfies(
            h -> {
              assertThat(h.id()).isEqualTo("2305.00002");
              assertThat(h.pinned()).isTrue();
            });
    assertThat(ids("speech recognition with transformers!")).first().isEqualTo("2305.00002");
  }

  @Test
  void reports_the_readings_of_an_ambiguous_acronym() {
    SearchResult r = search.search(request("MLLMs", SearchMode.HYBRID, 20));
    assertThat(r.ambiguous())
        .singleElement()
        .hasToString(
            "MLLM = multilingual large language model (1) / multimodal large language model (1)");
    assertThat(search.acronym("mllm")).isPresent();
  }

  @Test
  void snippets_mark_matches_and_escape_the_abstract() {
    SearchHit hit =
        search.search(request("transformer encoder", SearchMode.HYBRID, 20)).hits().get(0);
    assertThat(hit.snippet())
        .contains("<mark>transformer</mark>")
        .contains("&amp;")
        .contains("&lt;b&gt;")
        .doesNotContain("<b>");
  }

  @Test
  void snippets_mark_the_abstract_only_and_phrases_stay_within_title_or_abstract() {
    Paper p =
        paper(
            "2406.00004",
            "Graph Neural Networks",
            "GNNs on molecules.",
            "cs.LG",
            LocalDate.of(2024, 6, 1),
            "X");
    store(p);
    search.catchUp();
    // the text field holds the title twice, then the abstract: marks land on the abstract's words
    assertThat(search.search(request("molecules", SearchMode.HYBRID, 20)).hits().get(0).snippet())
        .isEqualTo("GNNs on <mark>molecules</mark>.");
    assertThat(search.search(request("graph", SearchMode.HYBRID, 20)).hits().get(0).snippet())
        .isEqualTo("GNNs on molecules.");
    assertThat(ids("\"networks gnns\"")).isEmpty();
    assertThat(ids("\"neural networks\"")).containsExactly("2406.00004");
  }

  @Test
  void a_hit_right_after_one_without_the_term_still_gets_its_match_marked() {
    // Reading the matches of "molecules" for the first paper (which lacks it) lands on the
    // second; advancing again from there skipped its match.
    Paper graphs =
        paper(
            "2406.00005",
            "Graph Methods",
            "Graphs everywhere.",
            "cs.LG",
            LocalDate.of(2024, 6, 1),
            "X");
    Paper molecules =
        paper("2406.00006", "Chemistry", "Molecules here.", "cs.LG", LocalDate.of(2024, 6, 1), "Y");
    store(graphs, molecules);
    search.catchUp();
    List<SearchHit> hits =
        search.search(request("graphs molecules", SearchMode.LEXICAL, 20)).hits();
    assertThat(hits).extracting(SearchHit::id).contains("2406.00005", "2406.00006");
    assertThat(hits)
        .filteredOn(h -> h.id().equals("2406.00006"))
        .singleElement()
        .extracting(SearchHit::snippet)
        .isEqualTo("<mark>Molecules</mark> here.");
  }

  @Test
  void related_papers_exclude_the_paper_itself_and_unknown_ids_are_not_found() {
    assertThat(search.related("2401.00001", 5))
        .extracting(SearchHit::id)
        .doesNotContain("2401.00001")
        .first()
        .isEqualTo("2502.00003");
    assertThatThrownBy(() -> search.related("9999.99999", 5)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void semantic_mode_falls_back_to_lexical_without_an_embedder() {
    SearchResult r = search.search(request("speech", SearchMode.SEMANTIC, 20));
    assertThat(r.mode()).isEqualTo(SearchMode.LEXICAL);
    assertThat(r.hits()).extracting(SearchHit::id).containsExactly("2305.00002");
  }

  @Test
  void odd_queries_give_results_or_a_clear_error() {
    String longQuery = "speech recognition ".repeat(600);
    assertThat(longQuery.length()).isGreaterThan(10_000);
    assertThat(ids(longQuery)).first().isEqualTo("2305.00002");
    assertThat(ids("the of and AND")).isEmpty();
    assertThat(ids("🚀 视觉 speech")).containsExactly("2305.00002");
    assertThat(ids("C++ what? AND (speech) OR*")).containsExactly("2305.00002");
    assertThatThrownBy(() -> ids("")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> ids("\"speech"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("position 1");
  }

  @Test
  void a_second_process_on_the_same_index_searches_read_only() {
    assertThat(ids("speech")).hasSize(1); // this one opens the index first and holds it
    try (SearchService second =
        SearchService.open(dir.resolve("index"), papers, db.jdbi(), null, threads.search())) {
      assertThat(second.search(request("speech", SearchMode.HYBRID, 20)).hits())
          .extracting(SearchHit::id)
          .containsExactly("2305.00002");
      assertThat(second.catchUp()).isZero(); // the holder follows the store, not this one
      assertThatThrownBy(second::reindex)
          .isInstanceOf(PaperboyException.class)
          .hasMessageContaining("another paperboy process (e.g. serve) holds it");
    }
  }

  @Test
  void a_process_without_the_lock_never_wipes_the_index_even_when_its_model_differs() {
    // Defect 3 of issue 12: "PAPERBOY_EMBEDDINGS=off paperboy stats" beside a serve with
    // embeddings on replaced the index under serve, whose writer then failed on every commit.
    assertThat(ids("speech")).hasSize(1);
    try (PaperIndex other = PaperIndex.open(dir.resolve("index"), "another-model")) {
      assertThat(other.readOnly()).isTrue();
      assertThat(other.numDocs()).isEqualTo(3);
    }
    store(
        paper(
            "2406.00004",
            "Graph Neural Networks",
            "GNNs on molecules.",
            "cs.LG",
            LocalDate.of(2024, 6, 1),
            "X"));
    search.catchUp();
    search.close(); // commits: the holder's writer still works
    search = SearchService.open(dir.resolve("index"), papers, db.jdbi(), null, threads.search());
    assertThat(ids("molecules")).containsExactly("2406.00004");
    assertThat(ids("speech")).containsExactly("2305.00002");
  }

  @Test
  void a_change_that_commits_after_a_later_one_is_still_applied() {
    assertThat(ids("speech")).hasSize(1);
    try (var slow = db.jdbi().open()) {
      slow.begin(); // takes its sequence number now, commits after the next paper's
      slow.execute(
          "INSERT INTO papers (id, version, title, title_hash, abstract_text, authors, categories,"
              + " ai_keywords, sources, first_seen, last_changed) VALUES ('2406.00007', 1,"
              + " 'Slow wombat', 'h', 'A slow wombat.', '', 'cs.LG', '', 'test', ?, ?)",
          Instant.now(),
          Instant.now());
      store(
          paper(
              "2406.00004",
              "Graph Neural Networks",
              "GNNs on molecules.",
              "cs.LG",
              LocalDate.of(2024, 6, 1),
              "X"));
      search.catchUp();
      assertThat(ids("molecules")).containsExactly("2406.00004");
      slow.commit();
    }
    search.catchUp();
    assertThat(ids("wombat")).containsExactly("2406.00007");
  }

  @Test
  void reindex_rebuilds_everything_from_the_store() {
    assertThat(search.reindex()).isEqualTo(3);
    assertThat(ids("speech")).containsExactly("2305.00002");
    assertThat(search.acronyms()).extracting(Acronym::shortForm).contains("MLLM", "ASR");
  }

  @Test
  void every_search_that_starts_after_a_change_sees_it_even_while_another_search_refreshes()
      throws Exception {
    // Two searches at once: the first refreshes the searcher; the second must wait for that
    // refresh, not take the old searcher because the first has already claimed the refresh. Before
    // the fix the second search missed the new paper in the first round, every time.
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 80; i++) {
        String word = "zq" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "word";
        Paper p =
            paper(
                "2407.%05d".formatted(i),
                "Paper " + word,
                "About " + word + ".",
                "cs.LG",
                LocalDate.of(2024, 7, 1),
                "Emmy Noether");
        store(p);
        search.catchUp();
        var lexical = request(word, SearchMode.LEXICAL, 20);
        var a = pool.submit(() -> search.search(lexical).hits().size());
        var b = pool.submit(() -> search.search(lexical).hits().size());
        assertThat(List.of(a.get(), b.get())).as("searches for %s", word).containsExactly(1, 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reindex_indexes_and_mines_every_batch_of_a_store_larger_than_one() {
    // Several batches, spread over the rebuild's worker threads: none may be lost or doubled.
    List<Paper> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      many.add(
          paper(
              "2406.%05d".formatted(i),
              "Spectral graph study " + i,
              "Graph Neural Networks (GNNs) on benchmark "
                  + i
                  + (i == 0 ? " aardvark" : i == 999 ? " zygote" : "")
                  + ".",
              "cs.LG",
              LocalDate.of(2024, 6, 1),
              "Emmy Noether"));
    }
    store(many.toArray(Paper[]::new));

    assertThat(search.reindex()).isEqualTo(1_003);

    var spectral = request("spectral", SearchMode.LEXICAL, SearchRequest.MAX_LIMIT);
    assertThat(search.search(spectral).hits())
        .hasSize(1_000)
        .extracting(SearchHit::id)
        .doesNotHaveDuplicates();
    assertThat(ids("aardvark")).containsExactly("2406.00000");
    assertThat(ids("zygote")).containsExactly("2406.00999");
    assertThat(search.acronym("GNN"))
        .get()
        .extracting(a -> a.readings().getFirst().papers())
        .isEqualTo(1_000);
  }
}
