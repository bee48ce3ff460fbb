package org.paperboy.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.paper.Paper;

/**
 * Papers by publication date, for the daily, week and month views: a page of one date range, and
 * the nearest days that have papers (arXiv does not announce on weekends, so days are often empty).
 *
 * <p>Answers are kept for a minute, because the daily page is the most visited and its papers only
 * change on ingest; {@link #invalidate()} (called after every ingest batch in this process) drops
 * them at once. The minute bounds what another process's ingest leaves stale.
 */
public final class PaperCalendar {
  private static final String COLUMNS =
      "id, version, title, abstract_text, authors, categories, published, updated, doi,"
          + " journal_ref, comments, license, link_abs, link_pdf, link_code, link_project,"
          + " hf_upvotes, github_stars, ai_keywords, sources, first_seen";

  static final Duration TTL = Duration.ofSeconds(60);
  private static final int MAX_ENTRIES = 512;

  private final Jdbi jdbi;
  private final Clock clock;

  private record Kept(Object value, Instant at) {}

  private final Map<String, Kept> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  public PaperCalendar(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Forgets every kept answer; the store changed. */
  public void invalidate() {
    synchronized (cache) {
      cache.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Supplier<T> compute) {
    Instant now = clock.instant();
    synchronized (cache) {
      Kept e = cache.get(key);
      if (e != null && Duration.between(e.at(), now).compareTo(TTL) < 0) return (T) e.value();
    }
    T value = compute.get(); // outside the lock: a slow query must not hold up the cached ones
    synchronized (cache) {
      cache.put(key, new Kept(value, now));
    }
    return value;
  }

  /**
   * Papers published from {@code from} to {@code to} (inclusive), most Hugging Face upvotes first,
   * then newest id; {@code offset}/{@code limit} page through them.
   */
  public List<Paper> between(LocalDate from, LocalDate to, int offset, int limit) {
    return cached(
        "between " + from + " " + to + " " + offset + " " + limit,
        () ->
            List.copyOf(
                jdbi.withHandle(
                    h ->
                        h.createQuery(
                                "SELECT "
                                    + COLUMNS
                                    + " FROM papers WHERE published BETWEEN :from AND :to ORDER BY"
                                    + " COALESCE(hf_upvotes, 0) DESC, published DESC, id DESC LIMIT"
                                    + " :limit OFFSET :offset")
                            .bind("from", from)
                            .bind("to", to)
                            .bind("limit", limit)
                            .bind("offset", offset)
                            .map((rs, ctx) -> PaperRepository.map(rs))
                            .list())));
  }

  public long countBetween(LocalDate from, LocalDate to) {
    return cached(
        "count " + from + " " + to,
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM papers WHERE published BETWEEN :from AND :to")
                        .bind("from", from)
                        .bind("to", to)
                        .mapTo(Long.class)
                        .one()));
  }

  // The three look-ups below are written as ORDER BY ... LIMIT 1 with an inclusive bound, not as
  // MAX/MIN with a WHERE: H2 then walks the published index from the bound and stops at the first
  // entry, where MAX(...) WHERE ... counts through every matching entry (100,000 on a big store).

  /** The newest day before {@code day} with papers. */
  public Optional<LocalDate> dayBefore(LocalDate day) {
    // LocalDate.MIN has no day before it; nothing is dated that early either
    if (day.equals(LocalDate.MIN)) return Optional.empty();
    return latestDay(day.minusDays(1));
  }

  /** The oldest day after {@code day} with papers. */
  public Optional<LocalDate> dayAfter(LocalDate day) {
    if (day.equals(LocalDate.MAX)) return Optional.empty();
    return day(
        "SELECT published FROM papers WHERE published >= :d ORDER BY published LIMIT 1",
        day.plusDays(1));
  }

  /** The newest day with papers up to {@code today} (papers dated in the future do not count). */
  public Optional<LocalDate> latestDay(LocalDate today) {
    return day(
        "SELECT published FROM papers WHERE published <= :d ORDER BY published DESC LIMIT 1",
        today);
  }

  private Optional<LocalDate> day(String sql, LocalDate d) {
    return cached(
        sql + d,
        () ->
            jdbi.withHandle(h -> h.createQuery(sql).bind("d", d).mapTo(LocalDate.class).findOne()));
  }
}
