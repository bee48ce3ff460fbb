package org.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.Paper;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.testing.Await;

/**
 * Issue 12: the index follows the store. Two apps on one data dir stand for serve and a CLI command
 * beside it (the second one's H2 connection goes through the first one's AUTO_SERVER).
 */
class IndexFollowsStoreTest {
  private static final Map<String, String> LEXICAL = Map.of("PAPERBOY_EMBEDDINGS", "off");

  @TempDir Path dir;

  private static void ingest(Paperboy app, String id, String title) {
    Paper.Builder p =
        Paper.builder()
            .id(id)
            .version(1)
            .title(title)
            .abstractText("An abstract about " + title + ".")
            .authors(List.of("Ada Lovelace"))
            .categories(List.of("cs.CL"))
            .published(LocalDate.of(2024, 1, 2))
            .addSource("test");
    app.ingest().run("test.feed", sink -> sink.accept(p, 1), n -> {});
  }

  private static List<String> ids(Paperboy app, String query) {
    return app
        .search()
        .search(new SearchRequest(query, SearchMode.LEXICAL, 10, null, null, List.of()))
        .hits()
        .stream()
        .map(SearchHit::id)
        .toList();
  }

  /** Waits up to {@code seconds} for {@code query} to find {@code id} on {@code app}. */
  private static boolean foundWithin(Paperboy app, String query, String id, int seconds)
      throws InterruptedException {
    return Await.within(Duration.ofSeconds(seconds), () -> ids(app, query).contains(id));
  }

  @Test
  void papers_ingested_beside_the_index_holder_become_searchable_there_within_two_seconds()
      throws Exception {
    Config config = Config.from(dir, LEXICAL);
    try (Paperboy serve = Paperboy.open(config)) {
      ingest(serve, "2401.00001", "Seed paper on tokenizers");
      assertThat(ids(serve, "tokenizers")).containsExactly("2401.00001"); // serve holds the index
      try (Paperboy cli = Paperboy.open(config)) {
        ingest(cli, "2401.00002", "Quokka transformers beside serve");
      }
      assertThat(foundWithin(serve, "quokka", "2401.00002", 2)).isTrue();
    }
    try (Paperboy restarted = Paperboy.open(config)) {
      assertThat(ids(restarted, "quokka")).containsExactly("2401.00002");
      assertThat(ids(restarted, "tokenizers")).containsExactly("2401.00001");
    }
  }

  @Test
  void a_command_that_only_reads_the_store_never_opens_the_index() throws Exception {
    Config config = Config.from(dir, LEXICAL);
    try (Paperboy serve = Paperboy.open(config)) {
      ingest(serve, "2401.00001", "Seed paper on tokenizers");
      assertThat(ids(serve, "tokenizers")).hasSize(1);
      Path index = dir.resolve("index");
      List<Path> before;
      try (var files = Files.list(index)) {
        before = files.sorted().toList();
      }
      // Another embeddings setting once made this wipe the index under serve (defect 3).
      try (Paperboy stats = Paperboy.open(Config.from(dir, Map.of("PAPERBOY_EMBEDDINGS", "on")))) {
        assertThat(stats.papers().stats().papers()).isEqualTo(1);
      }
      try (var files = Files.list(index)) {
        assertThat(files.sorted().toList()).containsAll(before);
      }
      ingest(serve, "2401.00002", "Quokka transformers");
      assertThat(ids(serve, "quokka")).containsExactly("2401.00002");
    }
    try (Paperboy restarted = Paperboy.open(config)) {
      assertThat(ids(restarted, "tokenizers quokka")).hasSize(2);
    }
  }
}
