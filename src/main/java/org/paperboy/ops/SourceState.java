package org.paperboy.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One configured source as the operator sees it.
 *
 * @param name its unique name
 * @param source what it fetches, as {@code ingest} takes it ({@code rss:cs.CL}, {@code hf}, …)
 * @param schedule its schedule in words ({@code every 1h}, {@code at 01:30 UTC sun-thu})
 * @param origin where it was declared: {@code store} or {@code config}
 * @param runs its latest runs, newest first (the first is the last run)
 */
public record SourceState(
    String name,
    String source,
    String schedule,
    String origin,
    boolean paused,
    Optional<Instant> nextRun,
    List<SourceRun> runs) {

  public SourceState {
    runs = List.copyOf(runs);
  }

  /** The last run, if it ever ran. */
  public Optional<SourceRun> lastRun() {
    return runs.stream().findFirst();
  }
}
