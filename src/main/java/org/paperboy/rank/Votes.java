package org.paperboy.rank;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Local upvotes: one per account per paper, with the time it was cast (trending decays it). */
public final class Votes {
  private final Jdbi jdbi;
  // Bumped after every change made through this object, so pages that show counts can keep them
  // until the next vote (see org.paperboy.web.Changes).
  private final AtomicLong version = new AtomicLong();

  public Votes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** How many times votes were cast or removed through this object; grows with every change. */
  public long version() {
    return version.get();
  }

  /** Upvotes {@code paperId} for {@code accountId}; voting twice keeps the first vote. */
  public void upvote(long accountId, String paperId, Instant now) {
    if (count(accountId, paperId) > 0) return;
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO votes (account_id, paper_id, voted_at) VALUES (:a, :p, :t)")
                  .bind("a", accountId)
                  .bind("p", paperId)
                  .bind("t", now)
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      // Two clicks raced and the other one inserted first: the primary key kept it to one vote.
      if (count(accountId, paperId) == 0) throw e;
    } finally {
      version.incrementAndGet();
    }
  }

  private int count(long accountId, String paperId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM votes WHERE account_id = :a AND paper_id = :p")
                .bind("a", accountId)
                .bind("p", paperId)
                .mapTo(Integer.class)
                .one());
  }

  public void remove(long accountId, String paperId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM votes WHERE account_id = :a AND paper_id = :p")
                .bind("a", accountId)
                .bind("p", paperId)
                .execute());
    version.incrementAndGet();
  }

  public int count(String paperId) {
    return counts(List.of(paperId)).getOrDefault(paperId, 0);
  }

  /** Votes per paper among {@code paperIds}; papers without votes are absent. */
  public Map<String, Integer> counts(Collection<String> paperIds) {
    Map<String, Integer> out = new HashMap<>();
    if (paperIds.isEmpty()) return out;
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT paper_id, COUNT(*) FROM votes WHERE paper_id IN (<ids>) GROUP BY"
                        + " paper_id")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** The papers among {@code paperIds} that {@code accountId} has upvoted. */
  public Set<String> votedBy(long accountId, Collection<String> paperIds) {
    if (paperIds.isEmpty()) return Set.of();
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT paper_id FROM votes WHERE account_id = :a AND paper_id IN (<ids>)")
                .bind("a", accountId)
                .bindList("ids", List.copyOf(paperIds))
                .mapTo(String.class)
                .stream()
                .collect(Collectors.toSet()));
  }

  /** A vote as trending sees it. */
  record Cast(String paperId, Instant at) {}

  /** Every vote cast since {@code since}. */
  List<Cast> since(Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT paper_id, voted_at FROM votes WHERE voted_at >= :t")
                .bind("t", since)
                .map((rs, ctx) -> new Cast(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list());
  }

  /**
   * Every vote as (paper, account), in the table's order: one plain scan with no join and no sort,
   * for the digest, which reads all of them for every run (a million rows at 100,000 readers).
   */
  public void forEach(ObjLongConsumer<String> paperAndAccount) {
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT account_id, paper_id FROM votes")
                .map(
                    (rs, ctx) -> {
                      paperAndAccount.accept(rs.getString(2), rs.getLong(1));
                      return 0;
                    })
                .forEach(x -> {}));
  }
}
