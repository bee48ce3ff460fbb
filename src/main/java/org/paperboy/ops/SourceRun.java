package org.paperboy.ops;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of a source: when, what it did, and its error when it failed.
 *
 * @param finishedAt empty while the run goes on
 * @param error the full error of a failed run, empty when it worked
 */
public record SourceRun(
    Instant startedAt,
    Optional<Instant> finishedAt,
    long added,
    long updated,
    long unchanged,
    long rejected,
    Optional<String> error) {}
