package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Signals;
import org.paperboy.paper.TitleKey;

/**
 * What the repositories promise, whatever the database: every field of a paper comes back as it
 * went in, and the queries behave the same. Run by {@link H2StoreTest} and {@link
 * PostgresStoreTest}.
 */
abstract class StoreContract {
  /** Microseconds: what both H2 and PostgreSQL keep of a TIMESTAMP. */
  static final Instant NOW = Instant.parse("2026-11-26T09:30:15.123456Z");

  @TempDir Path dir;
  Database db;
  PaperRepository papers;
  StateRepository state;

  /** A fresh, empty, migrated database for one test. */
  abstract Database freshDatabase(Path dir);

  /** Throws away what {@link #freshDatabase} made, after it is closed. */
  void dropDatabase() {}

  @BeforeEach
  void open() {
    db = freshDatabase(dir);
    papers = new PaperRepository(db.jdbi());
    state = new StateRepository(db.jdbi());
  }

  @AfterEach
  void close() {
    try {
      if (db != null) db.close();
    } finally {
      dropDatabase();
    }
  }

  /** A paper with every field set, in scripts and characters that trip up encodings. */
  static Paper everything(String id) {
    // Just under the 20,000-character abstract limit, with 2-, 3- and 4-byte UTF-8 characters.
    String piece = "Café naïve — 視覚トークン 𝔼[x] 😀 <b>&amp;</b> \"quoted\" 'single' \\tex ";
    String abstractText = piece.repeat(400);
    int end = Character.isHighSurrogate(abstractText.charAt(19_989)) ? 19_989 : 19_990;
    abstractText = abstractText.substring(0, end);
    return Paper.builder()
        .id(id)
        .version(7)
        .title("Ünïcödé: Straße, Ελληνικά, 中文, עברית and 🚀 in one title")
        .abstractText(abstractText)
        .authors(List.of("Zoë Ångström", "李小龙", "José María O'Neil-Smith"))
        .categories(List.of("cs.CV", "cs.CL", "stat.ML"))
        .published(LocalDate.of(1999, 12, 31))
        .updated(LocalDate.of(2024, 2, 29))
        .doi("10.1000/xyz-123_(é)")
        .journalRef("J. Über Math. 12 (2024) 1–99")
        .comments("14 pages; 5 figures; 100% more 🧪")
        .license("http://creativecommons.org/licenses/by/4.0/")
        .links(
            new Links(
                "https://arxiv.org/abs/" + id,
                "https://arxiv.org/pdf/" + id,
                "https://github.com/ä/b?q=1&r=2",
                "https://example.org/project#top"))
        .signals(new Signals(1234, 0, List.of("vision-language model", "MLLM", "トークン")))
        .sources(List.of("arxiv-api", "hf-daily", "oai"))
        .build();
  }

  /** A paper with only what is required: no dates, links, signals or optional text. */
  static Paper bare(String id, LocalDate published) {
    return Paper.builder()
        .id(id)
        .title("Bare " + id)
        .abstractText("Only an abstract.")
        .published(published)
        .addSource("listing")
        .build();
  }

  static Paper stored(Paper p) {
    return p.toBuilder().firstSeen(NOW).build();
  }

  @Test
  void every_field_of_a_paper_round_trips() {
    Paper p = everything("2401.00001");
    assertThat(p.abstractText()).hasSizeGreaterThan(19_980);

    papers.write(List.of(p), List.of(), List.of(), NOW);

    assertThat(papers.find("2401.00001")).contains(stored(p));
    assertThat(papers.findAll(List.of("2401.00001", "2401.99999"))).containsOnlyKeys("2401.00001");
    assertThat(papers.findAll(List.of("2401.00001")).get("2401.00001")).isEqualTo(stored(p));
  }

  @Test
  void null_dates_and_empty_optional_fields_round_trip() {
    Paper p = bare(TitleKey.idFor("Bare title"), null);

    papers.write(List.of(p), List.of(), List.of(), NOW);

    Paper back = papers.find(p.id()).orElseThrow();
    assertThat(back).isEqualTo(stored(p));
    assertThat(back.published()).isNull();
    assertThat(back.updated()).isNull();
    assertThat(back.authors()).isEmpty();
    assertThat(back.signals()).isEqualTo(Signals.NONE);
    assertThat(back.links()).isEqualTo(Links.NONE);
  }

  @Test
  void an_update_replaces_every_field_but_keeps_first_seen() {
    Paper before = bare("2401.00001", LocalDate.of(2024, 1, 2));
    papers.write(List.of(before), List.of(), List.of(), NOW);
    Paper after = everything("2401.00001").toBuilder().firstSeen(NOW).build();

    papers.write(List.of(), List.of(after), List.of(), NOW.plusSeconds(60));

    assertThat(papers.find("2401.00001")).contains(after);
  }

  @Test
  void deletes_and_inserts_land_in_one_write() {
    papers.write(List.of(bare("old", null)), List.of(), List.of(), NOW);

    papers.write(List.of(bare("new", null)), List.of(), List.of("old"), NOW);

    assertThat(papers.find("old")).isEmpty();
    assertThat(papers.find("new")).isPresent();
    assertThat(papers.count()).isEqualTo(1);
  }

  @Test
  void finds_the_arxiv_paper_of_a_title_over_its_title_only_twin() {
    Paper arxiv = everything("2401.00001");
    Paper listing =
        bare(TitleKey.idFor(arxiv.title()), null).toBuilder().title(arxiv.title()).build();
    papers.write(List.of(arxiv, listing), List.of(), List.of(), NOW);
    String hash = TitleKey.hash(arxiv.title());

    assertThat(papers.findIdsByTitleHashes(List.of(hash, "0000000000000000")))
        .containsExactly(java.util.Map.entry(hash, "2401.00001"));
  }

  @Test
  void latest_puts_the_newest_first_and_undated_papers_last() {
    papers.write(
        List.of(
            bare("a", LocalDate.of(2024, 1, 1)),
            bare("b", null),
            bare("c", LocalDate.of(2024, 3, 1)),
            bare("d", LocalDate.of(2024, 3, 1))),
        List.of(),
        List.of(),
        NOW);

    assertThat(papers.latest(10)).extracting(Paper::id).containsExactly("d", "c", "a", "b");
    assertThat(papers.latest(2)).extracting(Paper::id).containsExactly("d", "c");
  }

  @Test
  void for_each_batch_streams_every_paper_in_id_order() {
    // More rows than the fetch size (500), so a streaming cursor has to fetch several times.
    List<Paper> many = new ArrayList<>();
    for (int i = 1_199; i >= 0; i--) many.add(bare("2403.%05d".formatted(i), null));
    papers.write(many, List.of(), List.of(), NOW);

    List<List<Paper>> batches = new ArrayList<>();
    papers.forEachBatch(256, batches::add);

    assertThat(batches).extracting(List::size).containsExactly(256, 256, 256, 256, 176);
    List<String> seen = batches.stream().flatMap(List::stream).map(Paper::id).toList();
    assertThat(seen).hasSize(1_200).isSorted().first().isEqualTo("2403.00000");
  }

  @Test
  void stats_count_sources_and_the_date_range() {
    papers.write(
        List.of(everything("1"), bare("2", LocalDate.of(2020, 5, 6)), bare("3", null)),
        List.of(),
        List.of(),
        NOW);

    PaperRepository.Stats stats = papers.stats();

    assertThat(stats.papers()).isEqualTo(3);
    assertThat(stats.bySource())
        .containsOnly(
            java.util.Map.entry("arxiv-api", 1L),
            java.util.Map.entry("hf-daily", 1L),
            java.util.Map.entry("oai", 1L),
            java.util.Map.entry("listing", 2L));
    assertThat(stats.oldest()).isEqualTo(LocalDate.of(1999, 12, 31));
    assertThat(stats.newest()).isEqualTo(LocalDate.of(2020, 5, 6));
  }

  @Test
  void state_is_stored_overwritten_and_kept_apart_by_key() {
    assertThat(state.get("oai:cs")).isEmpty();

    state.put("oai:cs", "2024-01-02");
    state.put("oai:math", "Überall ✓ 😀");
    state.put("oai:cs", "2024-01-03");

    assertThat(state.get("oai:cs")).contains("2024-01-03");
    assertThat(state.get("oai:math")).contains("Überall ✓ 😀");
    assertThat(state.get("OAI:CS")).isEmpty();
  }

  @Test
  void every_insert_update_and_removal_advances_the_change_sequence() {
    PaperChanges changes = new PaperChanges(db.jdbi());
    assertThat(changes.latest()).isZero();
    Paper a = bare("2401.00001", null);
    Paper b = bare("2401.00002", null);
    papers.write(List.of(a, b), List.of(), List.of(), NOW);
    long afterInsert = changes.latest();
    assertThat(changes.since(0, 10))
        .extracting(PaperChange::id)
        .containsExactly("2401.00001", "2401.00002");

    Paper a2 = a.toBuilder().title("Changed").build();
    papers.write(List.of(), List.of(a2), List.of("2401.00002"), NOW);

    List<PaperChange> later = changes.since(afterInsert, 10);
    assertThat(later)
        .extracting(PaperChange::id)
        .containsExactlyInAnyOrder("2401.00001", "2401.00002");
    assertThat(later).allMatch(c -> c.seq() > afterInsert);
    assertThat(later)
        .filteredOn(PaperChange::removed)
        .extracting(PaperChange::id)
        .containsExactly("2401.00002");
    assertThat(later)
        .filteredOn(c -> !c.removed())
        .extracting(c -> c.paper().title())
        .containsExactly("Changed");
    assertThat(changes.latest()).isEqualTo(later.get(later.size() - 1).seq());
    // Bounded, in sequence order, and each entry can be looked up again by its sequence.
    assertThat(changes.since(0, 1)).hasSize(1);
    assertThat(changes.at(List.of(later.get(0).seq()))).containsExactly(later.get(0));
  }

  @Test
  void an_insert_that_names_no_change_seq_gets_a_fresh_one() {
    papers.write(List.of(bare("2401.00001", null)), List.of(), List.of(), NOW);
    long before = new PaperChanges(db.jdbi()).latest();
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO papers (id, version, title, title_hash, abstract_text, authors,"
                        + " categories, ai_keywords, sources, first_seen, last_changed) VALUES"
                        + " ('2401.00009', 1, 't', 'h', 'a', '', '', '', 'x', ?, ?)",
                    NOW,
                    NOW));
    assertThat(new PaperChanges(db.jdbi()).since(before, 10))
        .extracting(PaperChange::id)
        .containsExactly("2401.00009");
  }
}
