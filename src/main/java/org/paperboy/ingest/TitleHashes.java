package org.paperboy.ingest;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.paperboy.paper.Paper;
import org.paperboy.paper.TitleKey;

/**
 * The {@link TitleKey#hash} of each title of a batch, computed when the batch is handed to the
 * writer thread (a SHA-256 each: 7% of the writer's time when it did them). Keyed by the title
 * string itself; a title made later, by a merge with the stored paper, is hashed when asked. Used
 * by one thread at a time: filled by the reader, then read by the writer it hands over to.
 */
final class TitleHashes implements Function<String, String> {
  private final Map<String, String> byTitle = new IdentityHashMap<>();

  TitleHashes(List<Paper> batch) {
    for (Paper p : batch) byTitle.put(p.title(), TitleKey.hash(p.title()));
  }

  @Override
  public String apply(String title) {
    String hash = byTitle.get(title);
    return hash != null ? hash : TitleKey.hash(title);
  }
}
