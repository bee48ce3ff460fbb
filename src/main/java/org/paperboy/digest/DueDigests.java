package org.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.paperboy.digest.DigestRenderer.Rendered;

/**
 * The first half of a run: who is due, and their digests planned, rendered and queued in the
 * outbox, a few hundred at a time (100,000 rendered digests held at once would be gigabytes).
 */
final class DueDigests {
  /** Digests queued per transaction. */
  private static final int QUEUE_BATCH = 250;

  private final Subscriptions subscriptions;
  private final DigestOutbox outbox;
  private final DigestPlanner planner;

  DueDigests(Subscriptions subscriptions, DigestOutbox outbox, DigestPlanner planner) {
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.planner = planner;
  }

  /** What planning did; the times in nanoseconds. */
  record Planned(
      int due,
      int planned,
      int empty,
      List<String> lines,
      long planNanos,
      long renderNanos,
      long queueNanos) {}

  /**
   * A reader is due when their local time has reached their send time and they have no digest for
   * that local date; with {@code date}, every active reader without a digest for {@code date} is. A
   * dry run plans and renders but writes nothing, and lists one line per reader. {@code
   * reuseEntries}: see {@link DigestRenderer#DigestRenderer}.
   */
  Planned plan(
      LocalDate date, boolean dryRun, Instant now, DigestLinks links, boolean reuseEntries) {
    Map<Subscription, LocalDate> due = new LinkedHashMap<>();
    for (Subscription s : subscriptions.active()) {
      ZonedDateTime local = now.atZone(s.zone());
      if (date != null) due.put(s, date);
      else if (!local.toLocalTime().isBefore(s.sendTime())) due.put(s, local.toLocalDate());
    }
    Set<String> done =
        due.isEmpty() ? Set.of() : outbox.planned(List.copyOf(new TreeSet<>(due.values())));
    due.keySet().removeIf(s -> done.contains(s.id() + "/" + due.get(s)));
    long t0 = System.nanoTime();
    DigestPlanner.Run planning = planner.run(due.keySet(), now);
    long planNanos = System.nanoTime() - t0, renderNanos = 0, queueNanos = 0;
    DigestRenderer renderer = new DigestRenderer(links, reuseEntries);
    int[] counts = new int[2]; // queued with mail, empty days
    List<String> lines = new ArrayList<>();
    List<DigestOutbox.Entry> pending = new ArrayList<>();
    for (var e : due.entrySet()) {
      Subscription s = e.getKey();
      long p0 = System.nanoTime();
      DigestPlan plan = planning.plan(s, e.getValue());
      long r0 = System.nanoTime();
      Rendered r = plan.empty() ? null : renderer.render(plan, now);
      long r1 = System.nanoTime();
      planNanos += r0 - p0;
      renderNanos += r1 - r0;
      if (dryRun) {
        lines.add(s.email() + " " + plan.date() + ": " + (r == null ? "nothing new" : r.subject()));
        counts[r == null ? 1 : 0]++;
        continue;
      }
      pending.add(new DigestOutbox.Entry(plan, r));
      if (pending.size() == QUEUE_BATCH) {
        queue(pending, now, counts);
        queueNanos += System.nanoTime() - r1;
      }
    }
    if (!pending.isEmpty()) {
      long q0 = System.nanoTime();
      queue(pending, now, counts);
      queueNanos += System.nanoTime() - q0;
    }
    return new Planned(due.size(), counts[0], counts[1], lines, planNanos, renderNanos, queueNanos);
  }

  /** Queues and forgets {@code pending}, counting what was queued (another run may have won). */
  private void queue(List<DigestOutbox.Entry> pending, Instant now, int[] counts) {
    boolean[] queued = outbox.enqueueAll(pending, now);
    for (int i = 0; i < queued.length; i++)
      if (queued[i]) counts[pending.get(i).rendered() == null ? 1 : 0]++;
    pending.clear();
  }
}
