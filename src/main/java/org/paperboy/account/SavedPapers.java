package org.paperboy.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Papers a reader saved to read later: one row per account and paper. Private to the reader (no
 * counts are shown anywhere), so unlike a vote a save changes no page anyone else sees; the
 * digest's personal picks learn from saves as from upvotes.
 */
public final class SavedPapers {
  private final Jdbi jdbi;

  public SavedPapers(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Saves {@code paperId} for {@code accountId}; saving twice keeps the first time. */
  public void save(long accountId, String paperId, Instant now) {
    if (!savedBy(accountId, List.of(paperId)).isEmpty()) return;
    try {
      // Plain VALUES, no INSERT ... SELECT :params: PostgreSQL cannot type a bare parameter there.
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO saved_papers (account_id, paper_id, saved_at) VALUES (:a, :p, :t)")
                  .bind("a", accountId)
                  .bind("p", paperId)
                  .bind("t", now)
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      // Two clicks raced and the other one inserted first: the primary key kept it to one save.
      if (savedBy(accountId, List.of(paperId)).isEmpty()) throw e;
    }
  }

  public void remove(long accountId, String paperId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM saved_papers WHERE account_id = :a AND paper_id = :p")
                .bind("a", accountId)
                .bind("p", paperId)
                .execute());
  }

  /** The papers among {@code paperIds} that {@code accountId} has saved. */
  public Set<String> savedBy(long accountId, Collection<String> paperIds) {
    if (paperIds.isEmpty()) return Set.of();
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT paper_id FROM saved_papers WHERE account_id = :a AND paper_id IN (<ids>)")
                .bind("a", accountId)
                .bindList("ids", List.copyOf(paperIds))
                .mapTo(String.class)
                .stream()
                .collect(Collectors.toSet()));
  }

  /** What {@code accountId} saved, most recently saved first, at most {@code limit}. */
  public List<String> list(long accountId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT paper_id FROM saved_papers WHERE account_id = :a ORDER BY saved_at DESC,"
                        + " paper_id LIMIT "
                        + limit)
                .bind("a", accountId)
                .mapTo(String.class)
                .list());
  }

  /**
   * Every save as (paper, account), in the table's order: one plain scan with no join and no sort,
   * for the digest, which reads all of them for every run (a million rows at 100,000 readers).
   */
  public void forEach(ObjLongConsumer<String> paperAndAccount) {
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT account_id, paper_id FROM saved_papers")
                .map(
                    (rs, ctx) -> {
                      paperAndAccount.accept(rs.getString(2), rs.getLong(1));
                      return 0;
                    })
                .forEach(x -> {}));
  }
}
