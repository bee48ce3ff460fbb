package org.paperboy.ingest.live;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paperboy.time.Pacer;
import org.paperboy.time.Sleeper;

/** A clock that only moves when someone sleeps, and remembers every sleep asked for. */
final class FakeTime implements InstantSource, Sleeper {
  private Instant now = Instant.parse("2026-06-12T08:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The real HTTP helper, but waiting and pacing on this fake time (fixed jitter seed). */
  Http http(LiveConfig config) {
    return new Http(
        config, Http.newClient(config), new Pacer(this, this), this, this, new Random(7));
  }
}
