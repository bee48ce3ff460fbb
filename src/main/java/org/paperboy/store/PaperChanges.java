package org.paperboy.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The change sequence of the papers (V13): every insert or update of a paper row takes the next
 * value of {@code paper_change_seq} into {@code papers.change_seq}, and every removal a row in
 * {@code paper_removals}, in the transaction of the change. What an index holds follows from
 * reading this in sequence order.
 *
 * <p>Concurrent transactions commit their sequence numbers out of order, and an update replaces a
 * row's earlier number, so a reader sees gaps: some fill when a slower transaction commits, most
 * never do. {@link #at} lets a follower look a gap up again without re-reading what follows it.
 */
public final class PaperChanges {
  private static final String PAPERS = "SELECT change_seq, " + PaperColumns.SELECT + " FROM papers";
  private static final String REMOVALS = "SELECT change_seq, paper_id FROM paper_removals";

  private final Jdbi jdbi;

  public PaperChanges(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Up to {@code limit} changes with a sequence above {@code afterSeq}, in sequence order. */
  public List<PaperChange> since(long afterSeq, int limit) {
    List<PaperChange> all =
        read(
            " WHERE change_seq > :after ORDER BY change_seq LIMIT :n",
            q -> q.bind("after", afterSeq).bind("n", limit));
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  /** The changes, among those committed now, whose sequence is one of {@code seqs}. */
  public List<PaperChange> at(Collection<Long> seqs) {
    if (seqs.isEmpty()) return List.of();
    return read(
        " WHERE change_seq = ANY(:seqs)", q -> q.bindArray("seqs", Long.class, List.copyOf(seqs)));
  }

  /** Papers and removals matching {@code where}, in sequence order. */
  private List<PaperChange> read(String where, UnaryOperator<Query> bind) {
    return jdbi.withHandle(
        h -> {
          List<PaperChange> all = new ArrayList<>();
          all.addAll(
              bind.apply(h.createQuery(PAPERS + where))
                  .map(
                      (rs, ctx) ->
                          new PaperChange(rs.getLong(1), rs.getString("id"), PaperColumns.map(rs)))
                  .list());
          all.addAll(
              bind.apply(h.createQuery(REMOVALS + where))
                  .map((rs, ctx) -> new PaperChange(rs.getLong(1), rs.getString(2), null))
                  .list());
          all.sort(Comparator.comparingLong(PaperChange::seq));
          return all;
        });
  }

  /** The highest sequence committed so far (0 on an empty store). */
  public long latest() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT GREATEST((SELECT COALESCE(MAX(change_seq), 0) FROM papers),"
                        + " (SELECT COALESCE(MAX(change_seq), 0) FROM paper_removals))")
                .mapTo(Long.class)
                .one());
  }
}
