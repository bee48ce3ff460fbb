package org.paperboy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.PaperboyException;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;

/**
 * Papers in SQL. Bulk reads and writes take whole batches so ingest does one round trip each. Every
 * write advances the change sequence ({@link PaperChanges}) in its own transaction.
 */
public final class PaperRepository {
  private static final String COLUMNS = PaperColumns.SELECT;

  private final Jdbi jdbi;

  public PaperRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<Paper> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** The stored papers among {@code ids}, by id. */
  public Map<String, Paper> findAll(Collection<String> ids) {
    Map<String, Paper> found = new HashMap<>();
    if (ids.isEmpty()) return found;
    jdbi.useHandle(
        h ->
            // One array parameter instead of a list of them: one short statement to parse, and
            // both H2 and PostgreSQL look each element up in the primary key index.
            h.createQuery("SELECT " + COLUMNS + " FROM papers WHERE id = ANY(:ids)")
                .bindArray("ids", String.class, List.copyOf(ids))
                .map((rs, ctx) -> map(rs))
                .forEach(p -> found.put(p.id(), p)));
    return found;
  }

  /**
   * For each title hash ({@link TitleKey#hash}) in {@code hashes} that a stored paper has, the id
   * of that paper (an arXiv id when there is one), so an id-less listing entry joins the paper it
   * names.
   */
  public Map<String, String> findIdsByTitleHashes(Collection<String> hashes) {
    Map<String, String> found = new HashMap<>();
    if (hashes.isEmpty()) return found;
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT title_hash, id FROM papers WHERE title_hash = ANY(:hashes) ORDER BY id DESC")
                .bindArray("hashes", String.class, List.copyOf(hashes))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(
                    e ->
                        found.merge(
                            e.getKey(), e.getValue(), (a, b) -> TitleKey.isTitleId(a) ? b : a)));
    return found;
  }

  /**
   * True when some stored paper has only a title-derived id ({@code t-...}). While none has, an
   * ingest of arXiv papers can skip the title look-ups: there is nothing to join. (LIKE rather than
   * a range, which a non-C collation on PostgreSQL would not order as bytes.)
   */
  public boolean hasTitleOnlyPapers() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM papers WHERE id LIKE 't-%' LIMIT 1")
                .mapTo(String.class)
                .findFirst()
                .isPresent());
  }

  /** Inserts and updates in one transaction: a batch lands whole or not at all. */
  public void write(List<Paper> inserts, List<Paper> updates, List<String> deletes, Instant now) {
    write(inserts, updates, deletes, now, TitleKey::hash);
  }

  /**
   * As {@link #write(List, List, List, Instant)}, with the {@link TitleKey#hash} of each title from
   * {@code titleHash}: bulk ingest computes them on its reader thread, off the writer's path.
   */
  public void write(
      List<Paper> inserts,
      List<Paper> updates,
      List<String> deletes,
      Instant now,
      Function<String, String> titleHash) {
    if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty()) return;
    jdbi.useTransaction(
        h -> {
          if (!deletes.isEmpty()) {
            h.createUpdate("DELETE FROM papers WHERE id IN (<ids>)")
                .bindList("ids", deletes)
                .execute();
            // A deleted row leaves no change_seq: a removal row tells the indexes to drop it.
            var removal = h.prepareBatch("INSERT INTO paper_removals (paper_id) VALUES (:id)");
            for (String id : deletes) removal.bind("id", id).add();
            removal.execute();
          }
          PaperColumns.Write w = new PaperColumns.Write(Timestamp.from(now), titleHash);
          // PostgreSQL takes new rows fastest through COPY (docs/benchmarks.md: 1.34x the batch)
          if (CopyLoader.applies(h)) CopyLoader.insert(h, inserts, now, titleHash);
          else batch(h, PaperColumns.INSERT, inserts, PaperColumns::bindInsert, w);
          batch(h, PaperColumns.UPDATE, updates, PaperColumns::bindUpdate, w);
        });
  }

  private interface RowBinder {
    void bind(PreparedStatement st, Paper p, PaperColumns.Write w) throws SQLException;
  }

  /**
   * Plain JDBC with positional parameters: binding 24 named parameters per row through JDBI cost
   * more than H2's insert itself on bulk ingest.
   */
  private static void batch(
      Handle h, String sql, List<Paper> papers, RowBinder binder, PaperColumns.Write w) {
    if (papers.isEmpty()) return;
    try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
      for (Paper p : papers) {
        binder.bind(st, p, w);
        st.addBatch();
      }
      st.executeBatch();
    } catch (SQLException e) {
      throw new PaperboyException(
          "writing " + papers.size() + " papers failed: " + e.getMessage(), e);
    }
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM papers").mapTo(Long.class).one());
  }

  /** The most recently published papers, newest first (ties broken by id). */
  public List<Paper> latest(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM papers ORDER BY published DESC NULLS LAST, id DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /**
   * Streams every paper in id order without holding them all, in lists of up to {@code size}
   * papers, each a new list the consumer may keep; for re-indexing. Inside a transaction because
   * the PostgreSQL driver ignores the fetch size, and reads the whole result into memory, when
   * auto-commit is on.
   */
  public void forEachBatch(int size, Consumer<List<Paper>> consumer) {
    jdbi.useTransaction(
        h -> {
          try (Stream<Paper> papers =
              h
                  .createQuery("SELECT " + COLUMNS + " FROM papers ORDER BY id")
                  .setFetchSize(500)
                  .map((rs, ctx) -> map(rs))
                  .stream()) {
            List<Paper> batch = new ArrayList<>(size);
            for (var it = papers.iterator(); it.hasNext(); ) {
              batch.add(it.next());
              if (batch.size() == size) {
                consumer.accept(batch);
                batch = new ArrayList<>(size);
              }
            }
            if (!batch.isEmpty()) consumer.accept(batch);
          }
        });
  }

  /** Counts of papers per source format and the date range covered; for {@code paperboy stats}. */
  public Stats stats() {
    return jdbi.withHandle(
        h -> {
          long papers = h.createQuery("SELECT COUNT(*) FROM papers").mapTo(Long.class).one();
          Map<String, Long> bySource = new HashMap<>();
          h.createQuery("SELECT sources, COUNT(*) FROM papers GROUP BY sources")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .forEach(
                  e -> {
                    for (String s : e.getKey().split(" ")) {
                      if (!s.isEmpty()) bySource.merge(s, e.getValue(), Long::sum);
                    }
                  });
          Map<String, Object> range =
              h.createQuery("SELECT MIN(published) AS lo, MAX(published) AS hi FROM papers")
                  .mapToMap()
                  .one();
          return new Stats(papers, bySource, toDate(range.get("lo")), toDate(range.get("hi")));
        });
  }

  /** Summary numbers about the store. */
  public record Stats(
      long papers, Map<String, Long> bySource, LocalDate oldest, LocalDate newest) {}

  private static LocalDate toDate(Object o) {
    if (o == null) return null;
    if (o instanceof LocalDate d) return d;
    if (o instanceof java.sql.Date d) return d.toLocalDate();
    return LocalDate.parse(o.toString().substring(0, 10));
  }

  /** A row selected with every column of {@code papers}, as a paper (for PaperCalendar). */
  static Paper map(ResultSet rs) throws SQLException {
    return PaperColumns.map(rs);
  }
}
