package org.paperboy.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;
import org.postgresql.PGConnection;

/**
 * New papers into PostgreSQL with {@code COPY}: the batch is streamed into a temporary table and
 * moved into {@code papers} with one {@code INSERT … SELECT}, inside the caller's transaction. A
 * plain INSERT, not ON CONFLICT: a paper another process stored meanwhile fails the batch exactly
 * as the row-by-row INSERT does, so the ingest's retry (look every id up, merge) works as before.
 * {@code papers.change_seq} and other defaulted columns are left out and take their defaults.
 */
public final class CopyLoader {
  static final String COLUMNS =
      "id, version, title, title_hash, abstract_text, authors, categories, primary_category,"
          + " published, updated, doi, journal_ref, comments, license, link_abs, link_pdf,"
          + " link_code, link_project, hf_upvotes, github_stars, ai_keywords, sources, first_seen,"
          + " last_changed";

  private CopyLoader() {}

  /** Whether {@code h} is on PostgreSQL, where this loader applies. */
  public static boolean applies(Handle h) {
    try {
      return h.getConnection().isWrapperFor(PGConnection.class);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Inserts {@code papers} (all new) through a temporary table; in the handle's transaction. */
  public static void insert(
      Handle h, List<Paper> papers, Instant now, Function<String, String> titleHash) {
    if (papers.isEmpty()) return;
    try {
      Connection c = h.getConnection();
      try (Statement st = c.createStatement()) {
        // Only the copied columns, no constraints or defaults: change_seq is given its value once,
        // by papers' own default, when the rows move over.
        st.execute(
            "CREATE TEMP TABLE IF NOT EXISTS papers_load ON COMMIT DELETE ROWS AS SELECT "
                + COLUMNS
                + " FROM papers WITH NO DATA");
      }
      copy(c, "papers_load", papers, now, titleHash);
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO papers (" + COLUMNS + ") SELECT " + COLUMNS + " FROM papers_load");
        st.execute("TRUNCATE papers_load");
      }
    } catch (SQLException | IOException e) {
      throw new PaperboyException(
          "copying " + papers.size() + " papers failed: " + e.getMessage(), e);
    }
  }

  /** COPY straight into {@code table}: the bare rate the benchmark measures the loader against. */
  public static void copy(
      Connection c, String table, List<Paper> papers, Instant now, Function<String, String> hash)
      throws SQLException, IOException {
    StringBuilder rows = new StringBuilder(papers.size() * 1_600);
    for (Paper p : papers) CopyRows.append(rows, p, now, hash);
    c.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(
            "COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT text)",
            new StringReader(rows.toString()));
  }
}
