package org.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;

/** Issue 14 item 23: a failed batch printed its whole statement, 1,000 ids and all. */
class BatchFailureTest {
  @TempDir Path dir;

  @Test
  void a_failed_batch_is_named_in_one_short_line_without_its_ids() {
    List<Paper> batch = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String id = "2301.%05d".formatted(i);
      ids.add(id);
      batch.add(Paper.builder().id(id).title("T " + i).abstractText("A " + i).build());
    }
    RuntimeException fromStore;
    try (Database db = Database.open(Database.h2Url(dir), null, null)) {
      // What the store throws when a statement over the batch's ids fails: JDBI puts the SQL and
      // every bound id into the message.
      fromStore =
          catchRuntimeException(
              () ->
                  db.jdbi()
                      .useHandle(
                          h ->
                              h.createQuery("SELECT id FROM no_such_table WHERE id = ANY(:ids)")
                                  .bindArray("ids", String.class, ids)
                                  .mapTo(String.class)
                                  .list()));
    }
    assertThat(fromStore.getMessage()).hasSizeGreaterThan(1_000).contains("2301.00050");

    PaperboyException named = BatchFailure.of(7, batch, fromStore);

    assertThat(named.getMessage())
        .startsWith("storing batch 7 (1000 papers, first 2301.00000) failed: ")
        .contains("no_such_table")
        .doesNotContain("2301.00050")
        .doesNotContain("\n")
        .hasSizeLessThan(400);
    assertThat(named.getCause()).isSameAs(fromStore);
  }
}
