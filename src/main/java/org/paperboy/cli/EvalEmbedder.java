package org.paperboy.cli;

import java.util.Map;
import org.paperboy.PaperboyException;
import org.paperboy.embed.Embedder;

/**
 * The embedder for {@code paperboy eval}: the real model behind a vector cache kept outside the
 * reader's data ({@code $PAPERBOY_CACHE/eval}, default {@code ~/.cache/paperboy/eval}), so a re-run
 * on the same collection embeds nothing.
 */
final class EvalEmbedder {
  private EvalEmbedder() {}

  static Embedder open(Map<String, String> env) {
    throw new PaperboyException("semantic and hybrid evaluation need the embedding model, which is not built in yet");
  }
}
