package org.paperboy.embed;

import java.util.List;

/**
 * Placeholder copy of the embed branch's interface so search compiles before it lands; replaced by
 * the real file on merge.
 */
public interface Embedder extends AutoCloseable {
  String modelName();

  int dimensions();

  float[][] embedDocuments(List<String> texts);

  float[][] embedQueries(List<String> texts);

  static String paperText(String title, String abstractText) {
    return title + "\n" + abstractText;
  }

  @Override
  void close();
}
