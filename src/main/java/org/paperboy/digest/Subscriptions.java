package org.paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.digest.Subscription.Status;

/** Subscriptions in SQL. One row per address: subscribing twice updates the one row. */
final class Subscriptions {
  private static final String COLUMNS =
      "id, email, alerts, trending, send_time, zone, max_papers, status, papers_since, hard_failures";

  private final Jdbi jdbi;

  Subscriptions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Creates the subscription for {@code form.email()} or replaces its settings. A new one starts
   * {@code status}; an existing one keeps its status unless {@code status} is ACTIVE (an admin's
   * --confirmed), so re-subscribing never confirms an address by itself.
   */
  Subscription save(SubscriptionForm form, Status status, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<Subscription> old = find(h, form.email());
          if (old.isEmpty()) {
            h.createUpdate(
                    "INSERT INTO subscriptions (email, alerts, trending, send_time, zone, max_papers,"
                        + " status, papers_since, hard_failures, created_at, confirmed_at)"
                        + " VALUES (:email, :alerts, :trending, :time, :zone, :max, :status, :since, 0, :now, :confirmed)")
                .bindMap(fields(form, status))
                .bind("since", firstCutoff(now))
                .bind("now", now)
                .bind("confirmed", status == Status.ACTIVE ? now : null)
                .execute();
          } else {
            Status next = status == Status.ACTIVE ? Status.ACTIVE : old.get().status();
            // A pending one asked for again gets a new confirmation link: it lives as long.
            h.createUpdate(
                    "UPDATE subscriptions SET alerts = :alerts, trending = :trending, send_time = :time,"
                        + " zone = :zone, max_papers = :max, status = :status,"
                        + " created_at = CASE WHEN status = 'pending' THEN :now ELSE created_at END"
                        + " WHERE email = :email")
                .bindMap(fields(form, next))
                .bind("now", now)
                .execute();
          }
          return find(h, form.email()).orElseThrow();
        });
  }

  /** The form's columns and the status, as the INSERT and the UPDATE above both bind them. */
  private static Map<String, Object> fields(SubscriptionForm form, Status status) {
    return Map.of(
        "email", form.email(),
        "alerts", String.join("\n", form.alerts()),
        "trending", form.trending(),
        "time", form.sendTime().toString(),
        "zone", form.zone().getId(),
        "max", form.maxPapers(),
        "status", status.sql());
  }

  /** A first digest looks back one day, so a new reader gets today's papers, not an empty mail. */
  static Instant firstCutoff(Instant now) {
    return now.minus(java.time.Duration.ofDays(1));
  }

  Optional<Subscription> find(String email) {
    return jdbi.withHandle(h -> find(h, email));
  }

  Optional<Subscription> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  private static Optional<Subscription> find(Handle h, String email) {
    return h.createQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE email = :e")
        .bind("e", email)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  List<Subscription> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM subscriptions ORDER BY email")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  List<Subscription> active() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM subscriptions WHERE status = 'active' ORDER BY id")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** Confirms a pending subscription; true when it was pending. Paused ones stay paused. */
  boolean confirm(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE subscriptions SET status = 'active', confirmed_at = :now,"
                            + " papers_since = :since WHERE id = :id AND status = 'pending'")
                    .bind("id", id)
                    .bind("now", now)
                    .bind("since", firstCutoff(now))
                    .execute()
                > 0);
  }

  /**
   * Deletes the subscriptions still pending that were asked for before {@code cutoff} (their
   * confirmation links have expired); returns how many.
   */
  int deletePendingBefore(Instant cutoff) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM subscriptions WHERE status = 'pending' AND created_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
  }

  void setStatus(long id, Status status) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE subscriptions SET status = :s, hard_failures = 0 WHERE id = :id")
                .bind("id", id)
                .bind("s", status.sql())
                .execute());
  }

  /** Deletes the subscription, its outbox rows and its sent-paper history; true when it existed. */
  boolean remove(String email) {
    return jdbi.inTransaction(
        h -> {
          Optional<Subscription> s = find(h, email);
          if (s.isEmpty()) return false;
          delete(h, s.get().id());
          return true;
        });
  }

  boolean remove(long id) {
    return jdbi.inTransaction(h -> delete(h, id) > 0);
  }

  private static int delete(Handle h, long id) {
    // Children first: not every database honours ON DELETE CASCADE the same way under load.
    h.createUpdate("DELETE FROM digests WHERE subscription_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM sent_papers WHERE subscription_id = :id").bind("id", id).execute();
    return h.createUpdate("DELETE FROM subscriptions WHERE id = :id").bind("id", id).execute();
  }

  static Subscription map(ResultSet rs) throws SQLException {
    String alerts = rs.getString("alerts");
    return new Subscription(
        rs.getLong("id"),
        rs.getString("email"),
        alerts.isEmpty() ? List.of() : Arrays.asList(alerts.split("\n")),
        rs.getBoolean("trending"),
        LocalTime.parse(rs.getString("send_time")),
        ZoneId.of(rs.getString("zone")),
        rs.getInt("max_papers"),
        Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
        rs.getTimestamp("papers_since").toInstant(),
        rs.getInt("hard_failures"));
  }
}
