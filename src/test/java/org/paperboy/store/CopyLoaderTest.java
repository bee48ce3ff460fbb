package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;

/** The COPY path on PostgreSQL stores what the row-by-row INSERT stores; skips without a server. */
class CopyLoaderTest {
  private static final Function<String, String> HASH = TitleKey::hash;

  @Test
  void a_copied_paper_reads_back_as_an_inserted_one() {
    try (TestPostgres pg = TestPostgres.freshSchema();
        Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      PaperRepository papers = new PaperRepository(db.jdbi());
      Paper tricky = StoreContract.everything("2401.00001");
      Paper other = StoreContract.everything("2401.00002");
      papers.write(List.of(other), List.of(), List.of(), StoreContract.NOW, HASH);
      db.jdbi()
          .useTransaction(
              h -> {
                assertThat(CopyLoader.applies(h)).isTrue();
                CopyLoader.insert(h, List.of(tricky), StoreContract.NOW, HASH);
              });
      Paper copied = papers.find("2401.00001").orElseThrow();
      Paper inserted = papers.find("2401.00002").orElseThrow();
      // The two differ only in their id (and the links made from it).
      assertThat(copied)
          .usingRecursiveComparison()
          .ignoringFields("id", "links")
          .isEqualTo(inserted);
      assertThat(copied.links()).isEqualTo(tricky.links());
      assertThat(copied.abstractText()).isEqualTo(tricky.abstractText());
    }
  }

  @Test
  void a_paper_already_stored_fails_the_batch_as_the_insert_does() {
    try (TestPostgres pg = TestPostgres.freshSchema();
        Database db = Database.open(pg.url(), pg.user(), pg.password())) {
      PaperRepository papers = new PaperRepository(db.jdbi());
      Paper p = StoreContract.everything("2401.00003");
      papers.write(List.of(p), List.of(), List.of(), StoreContract.NOW, HASH);
      assertThatThrownBy(
              () ->
                  db.jdbi()
                      .useTransaction(
                          h -> CopyLoader.insert(h, List.of(p), StoreContract.NOW, HASH)))
          .isInstanceOf(PaperboyException.class)
          .hasMessageContaining("duplicate key");
      assertThat(papers.count()).isEqualTo(1);
    }
  }
}
