package org.paperboy.digest;

import java.util.List;

/**
 * What one {@code digest run} did. {@code planned}: digests queued; {@code empty}: due readers with
 * nothing new (no email); {@code sent}, {@code retrying}, {@code failed}: the send phase; {@code
 * lines}: one per planned digest in a dry run; {@code phases}: where the time went.
 */
public record RunReport(
    int due,
    int planned,
    int empty,
    int sent,
    int retrying,
    int failed,
    int paused,
    List<String> lines,
    Phases phases) {
  public RunReport {
    lines = List.copyOf(lines);
  }

  /**
   * Wall-clock time of each phase of a run, in nanoseconds (planning includes the shared
   * preparation).
   */
  public record Phases(long planNanos, long renderNanos, long queueNanos, long sendNanos) {
    public static final Phases NONE = new Phases(0, 0, 0, 0);
  }

  public String summary() {
    return "due "
        + due
        + ", planned "
        + planned
        + ", empty "
        + empty
        + ", sent "
        + sent
        + ", retrying "
        + retrying
        + ", failed "
        + failed
        + (paused > 0 ? ", paused " + paused : "");
  }
}
