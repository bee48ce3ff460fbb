package org.paperboy.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.paper.Paper;

/**
 * Papers by publication date, for the daily, week and month views: a page of one date range, and
 * the nearest days that have papers (arXiv does not announce on weekends, so days are often empty).
 */
public final class PaperCalendar {
  private static final String COLUMNS =
      "id, version, title, abstract_text, authors, categories, published, updated, doi,"
          + " journal_ref, comments, license, link_abs, link_pdf, link_code, link_project,"
          + " hf_upvotes, github_stars, ai_keywords, sources, first_seen";

  private final Jdbi jdbi;

  public PaperCalendar(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Papers published from {@code from} to {@code to} (inclusive), most Hugging Face upvotes first,
   * then newest id; {@code offset}/{@code limit} page through them.
   */
  public List<Paper> between(LocalDate from, LocalDate to, int offset, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM papers WHERE published BETWEEN :from AND :to"
                        + " ORDER BY COALESCE(hf_upvotes, 0) DESC, published DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .bind("from", from)
                .bind("to", to)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> PaperRepository.map(rs))
                .list());
  }

  public long countBetween(LocalDate from, LocalDate to) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM papers WHERE published BETWEEN :from AND :to")
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .one());
  }

  /** The newest day before {@code day} with papers. */
  public Optional<LocalDate> dayBefore(LocalDate day) {
    return day("SELECT MAX(published) FROM papers WHERE published < :d", day);
  }

  /** The oldest day after {@code day} with papers. */
  public Optional<LocalDate> dayAfter(LocalDate day) {
    return day("SELECT MIN(published) FROM papers WHERE published > :d", day);
  }

  /** The newest day with papers up to {@code today} (papers dated in the future do not count). */
  public Optional<LocalDate> latestDay(LocalDate today) {
    return day("SELECT MAX(published) FROM papers WHERE published <= :d", today);
  }

  private Optional<LocalDate> day(String sql, LocalDate d) {
    return jdbi.withHandle(
        h -> h.createQuery(sql).bind("d", d).mapTo(LocalDate.class).findOne());
  }
}
