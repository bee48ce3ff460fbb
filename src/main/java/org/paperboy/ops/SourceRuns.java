package org.paperboy.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the operator's view ({@code paperboy status}, {@code /admin}, {@code /health}) asks of the
 * scheduler of live sources. The scheduler implements it; the view only reads through it, so the
 * two can change apart. {@link #NONE} is a process without a scheduler (a CLI command, or serve
 * before any source was added).
 */
public interface SourceRuns {
  /** Every configured source, in name order, with its last runs. */
  List<SourceState> sources();

  /** When the scheduler last looked at its sources; empty when none runs in this process. */
  Optional<Instant> heartbeat();

  /**
   * Asks for a run of the named source as soon as possible, in the background.
   *
   * @throws org.paperboy.NotFoundException when there is no such source
   */
  void runNow(String name);

  /** Pauses the named source; a paused source is not run when due. */
  void pause(String name);

  /** Resumes the named source. */
  void resume(String name);

  /** No scheduler: no sources, no heartbeat. */
  SourceRuns NONE =
      new SourceRuns() {
        @Override
        public List<SourceState> sources() {
          return List.of();
        }

        @Override
        public Optional<Instant> heartbeat() {
          return Optional.empty();
        }

        @Override
        public void runNow(String name) {
          throw new org.paperboy.NotFoundException("no source named " + name);
        }

        @Override
        public void pause(String name) {
          runNow(name);
        }

        @Override
        public void resume(String name) {
          runNow(name);
        }
      };
}
