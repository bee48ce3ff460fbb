package org.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.paper.Links;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Signals;
import org.paperboy.paper.TitleKey;

/**
 * The ingest pipeline on a real store, fed by hand-made records (parsers are tested apart). One
 * contract, run by {@link H2IngestTest} and {@link PostgresIngestTest}, so the SQL is proven on
 * both.
 */
abstract class IngestContract {
  @TempDir Path dir;
  Paperboy app;

  /** The configuration of a fresh, empty store for a test whose data dir is {@code dir}. */
  abstract Config freshStore(Path dir);

  /** Throws away what {@link #freshStore} made, after the app is closed. */
  void dropStore() {}

  @BeforeEach
  void open() {
    app = Paperboy.open(freshStore(dir));
  }

  @AfterEach
  void close() {
    try {
      if (app != null) app.close();
    } finally {
      dropStore();
    }
  }

  static Paper.Builder paper(String id, int version, String title) {
    return Paper.builder()
        .id(id)
        .version(version)
        .title(title)
        .abstractText("An abstract about " + title + ".")
        .authors(List.of("Ada Lovelace", "Alan Turing"))
        .categories(List.of("cs.CL", "cs.AI"))
        .published(LocalDate.of(2024, 1, 2))
        .updated(LocalDate.of(2024, 1, 2).plusDays(version))
        .addSource("test");
  }

  IngestReport ingest(Paper.Builder... records) {
    return app.ingest()
        .run(
            "test.feed",
            sink -> {
              long line = 1;
              for (Paper.Builder b : records) sink.accept(b, line++);
            },
            n -> {});
  }

  @Test
  void adds_new_papers_and_finds_them_again() {
    IngestReport report = ingest(paper("2401.00001", 1, "First"), paper("2401.00002", 1, "Second"));

    assertThat(report.summary()).isEqualTo("added 2, updated 0, unchanged 0, rejected 0");
    Paper stored = app.papers().find("2401.00001").orElseThrow();
    assertThat(stored.title()).isEqualTo("First");
    assertThat(stored.authors()).containsExactly("Ada Lovelace", "Alan Turing");
    assertThat(stored.categories()).containsExactly("cs.CL", "cs.AI");
    assertThat(stored.firstSeen()).isNotNull();
  }

  @Test
  void reingesting_the_same_records_reports_everything_unchanged() {
    ingest(paper("2401.00001", 1, "First"), paper("2401.00002", 1, "Second"));

    IngestReport again = ingest(paper("2401.00001", 1, "First"), paper("2401.00002", 1, "Second"));

    assertThat(again.summary()).isEqualTo("added 0, updated 0, unchanged 2, rejected 0");
  }

  @Test
  void a_newer_version_wins_the_text_and_signals_merge() {
    ingest(paper("2401.00001", 1, "Old title").signals(new Signals(5, null, List.of("llm"))));

    IngestReport report =
        ingest(
            paper("2401.00001", 3, "New title")
                .signals(new Signals(2, 40, List.of("vision")))
                .links(new Links(null, null, "https://github.com/a/b", null)));

    assertThat(report.updated()).isEqualTo(1);
    Paper p = app.papers().find("2401.00001").orElseThrow();
    assertThat(p.title()).isEqualTo("New title");
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.published()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2024, 1, 5));
    assertThat(p.signals().hfUpvotes()).isEqualTo(5);
    assertThat(p.signals().githubStars()).isEqualTo(40);
    assertThat(p.signals().aiKeywords()).containsExactly("llm", "vision");
    assertThat(p.links().code()).isEqualTo("https://github.com/a/b");
  }

  @Test
  void an_older_version_does_not_overwrite_a_newer_one() {
    ingest(paper("2401.00001", 2, "Current title"));

    ingest(paper("2401.00001", 1, "Stale title"));

    assertThat(app.papers().find("2401.00001").orElseThrow().title()).isEqualTo("Current title");
  }

  @Test
  void duplicate_ids_in_one_feed_are_merged_into_one_paper() {
    IngestReport report =
        ingest(
            paper("2401.00001", 1, "Title v1").signals(new Signals(3, null, List.of())),
            paper("2401.00001", 2, "Title v2").addSource("other"));

    assertThat(report.summary()).isEqualTo("added 1, updated 0, unchanged 0, rejected 0");
    Paper p = app.papers().find("2401.00001").orElseThrow();
    assertThat(p.title()).isEqualTo("Title v2");
    assertThat(p.signals().hfUpvotes()).isEqualTo(3);
    assertThat(p.sources()).containsExactly("other", "test");
  }

  @Test
  void rejects_records_without_title_or_abstract_and_keeps_the_rest() {
    IngestReport report =
        ingest(
            paper("2401.00001", 1, "Good"),
            paper("2401.00002", 1, "No abstract").abstractText("   "),
            paper("2401.00003", 1, null),
            paper("2401.00004", 1, "Also good"));

    assertThat(report.summary()).isEqualTo("added 2, updated 0, unchanged 0, rejected 2");
    assertThat(report.rejects())
        .containsExactly(
            "test.feed:2: the abstract is missing (paper 2401.00002)",
            "test.feed:3: the title is missing (paper 2401.00003)");
  }

  @Test
  void rejects_an_absurdly_long_abstract_naming_the_limit() {
    String fiveMegabytes = "x".repeat(5 * 1024 * 1024);

    IngestReport report = ingest(paper("2401.00001", 1, "Huge").abstractText(fiveMegabytes));

    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.rejects().get(0))
        .isEqualTo(
            "test.feed:1: the abstract is 5242880 characters long (limit 20000) (paper 2401.00001)");
    assertThat(app.papers().count()).isZero();
  }

  @Test
  void keeps_only_the_first_twenty_reject_messages_but_counts_all() {
    List<Paper.Builder> bad = new ArrayList<>();
    for (int i = 0; i < 25; i++) bad.add(paper("2401.%05d".formatted(i), 1, null));

    IngestReport report = ingest(bad.toArray(Paper.Builder[]::new));

    assertThat(report.rejected()).isEqualTo(25);
    assertThat(report.rejects()).hasSize(20);
  }

  @Test
  void a_title_only_listing_entry_joins_the_arxiv_paper_with_that_title() {
    ingest(paper("2401.00001", 2, "Visual Tokens: A Study"));

    IngestReport report =
        ingest(
            paper(null, 0, "visual tokens - a study")
                .addSource("listing")
                .signals(new Signals(9, null, List.of())));

    assertThat(report.summary()).isEqualTo("added 0, updated 1, unchanged 0, rejected 0");
    assertThat(app.papers().count()).isEqualTo(1);
    Paper p = app.papers().find("2401.00001").orElseThrow();
    assertThat(p.title()).isEqualTo("Visual Tokens: A Study");
    assertThat(p.sources()).containsExactly("listing", "test");
    assertThat(p.signals().hfUpvotes()).isEqualTo(9);
  }

  @Test
  void an_arxiv_paper_absorbs_an_earlier_title_only_entry() {
    ingest(paper(null, 0, "Visual Tokens: A Study").addSource("listing"));
    String titleId = TitleKey.idFor("Visual Tokens: A Study");
    assertThat(app.papers().find(titleId)).isPresent();

    List<String> removed = new ArrayList<>();
    app.ingest().addListener((stored, removedIds) -> removed.addAll(removedIds));
    ingest(paper("2401.00001", 2, "Visual Tokens: A Study"));

    assertThat(app.papers().count()).isEqualTo(1);
    assertThat(app.papers().find(titleId)).isEmpty();
    assertThat(app.papers().find("2401.00001").orElseThrow().sources())
        .containsExactly("listing", "test");
    assertThat(removed).containsExactly(titleId);
  }

  @Test
  void listeners_hear_about_every_stored_batch() {
    List<String> heard = new ArrayList<>();
    app.ingest().addListener((stored, removed) -> stored.forEach(p -> heard.add(p.id())));
    List<Paper.Builder> many = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) many.add(paper("2402.%05d".formatted(i), 1, "Paper " + i));

    ingest(many.toArray(Paper.Builder[]::new));
    ingest(paper("2402.00000", 1, "Paper 0"));

    assertThat(heard).hasSize(2_500).doesNotHaveDuplicates();
    assertThat(app.papers().count()).isEqualTo(2_500);
  }

  @Test
  void into_an_empty_store_a_paper_repeated_in_a_later_batch_still_merges() {
    // An empty store lets a run skip the look-up of ids it has not written yet; an id it has
    // written in an earlier batch must still be found and merged.
    List<Paper.Builder> many = new ArrayList<>();
    for (int i = 0; i < BatchWriter.BATCH; i++)
      many.add(paper("2403.%05d".formatted(i), 1, "Paper " + i));
    many.add(paper("2403.00000", 2, "Paper 0, revised"));

    IngestReport report = ingest(many.toArray(Paper.Builder[]::new));

    assertThat(report.summary()).isEqualTo("added 1000, updated 1, unchanged 0, rejected 0");
    assertThat(app.papers().count()).isEqualTo(BatchWriter.BATCH);
    assertThat(app.papers().find("2403.00000").orElseThrow().title()).isEqualTo("Paper 0, revised");
  }

  @Test
  void a_paper_another_writer_stored_during_the_run_is_merged_not_a_crash() {
    // The store is shared (H2 AUTO_SERVER, PostgreSQL): while this run skips look-ups of ids it
    // has not written, someone else stores one of them. Its batch must fall back to look-ups.
    Paper other = paper("2404.01000", 1, "Stored by someone else").build();
    app.ingest()
        .addListener(
            (stored, removed) -> {
              if (stored.size() == BatchWriter.BATCH) {
                app.papers().write(List.of(other), List.of(), List.of(), java.time.Instant.now());
              }
            });
    List<Paper.Builder> many = new ArrayList<>();
    for (int i = 0; i <= BatchWriter.BATCH; i++)
      many.add(paper("2404.%05d".formatted(i), 2, "Paper " + i));

    IngestReport report = ingest(many.toArray(Paper.Builder[]::new));

    assertThat(report.summary()).isEqualTo("added 1000, updated 1, unchanged 0, rejected 0");
    assertThat(app.papers().find("2404.01000").orElseThrow().title()).isEqualTo("Paper 1000");
  }

  @Test
  void nul_characters_are_dropped_from_the_text_because_postgresql_cannot_store_them() {
    IngestReport report =
        ingest(
            paper("2401.00001", 1, "A\u0000 title")
                .abstractText("An\u0000 abstract.")
                .authors(List.of("Ada\u0000 Lovelace"))
                .comments("\u00005 pages"));

    assertThat(report.summary()).isEqualTo("added 1, updated 0, unchanged 0, rejected 0");
    Paper p = app.papers().find("2401.00001").orElseThrow();
    assertThat(p.title()).isEqualTo("A title");
    assertThat(p.abstractText()).isEqualTo("An abstract.");
    assertThat(p.authors()).containsExactly("Ada Lovelace");
    assertThat(p.comments()).isEqualTo("5 pages");
  }

  @Test
  void a_nul_character_in_a_doi_rejects_that_record_and_keeps_the_rest() {
    IngestReport report =
        ingest(
            paper("2401.00001", 1, "Broken doi").doi("10.1000/\u0000x"),
            paper("2401.00002", 1, "Fine"));

    assertThat(report.summary()).isEqualTo("added 1, updated 0, unchanged 0, rejected 1");
    assertThat(report.rejects())
        .containsExactly(
            "test.feed:1: the doi contains a NUL character (U+0000) (paper 2401.00001)");
  }
}
