package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * @param embeddings whether search embeds papers and queries (off: lexical only, no model loaded)
 * @param evalCache where {@code paperboy eval} keeps its temporary index and cached vectors
 */
public record SearchSettings(boolean embeddings, Path evalCache) {
  public SearchSettings {
    requireNonNull(evalCache, "evalCache");
  }
}
