package org.paperboy.digest;

import java.time.LocalDate;

/**
 * For the digest benchmark (another package): a dry run that renders every paper's entry afresh for
 * every reader, the baseline the entry reuse is measured against.
 */
public final class RenderBaseline {
  private RenderBaseline() {}

  public static RunReport dryRunAfresh(DigestService digests, LocalDate date) {
    return digests.run(date, true, false);
  }
}
