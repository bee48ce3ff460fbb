package org.paperboy.digest;

import java.util.List;

/**
 * What one {@code digest run} did. {@code planned}: digests queued; {@code empty}: due readers with
 * nothing new (no email); {@code sent}, {@code retrying}, {@code failed}: the send phase;
 * {@code lines}: one per planned digest in a dry run.
 */
public record RunReport(int due, int planned, int empty, int sent, int retrying, int failed, int paused, List<String> lines) {
  public RunReport {
    lines = List.copyOf(lines);
  }

  public String summary() {
    return "due " + due + ", planned " + planned + ", empty " + empty + ", sent " + sent + ", retrying " + retrying
        + ", failed " + failed + (paused > 0 ? ", paused " + paused : "");
  }
}
