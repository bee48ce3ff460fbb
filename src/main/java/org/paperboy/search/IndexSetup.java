package org.paperboy.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * How the index is written and scored: analyzers per field, BM25 settings, the codec ({@link
 * PaperCodec}).
 */
final class IndexSetup {
  /**
   * BM25 with Anserini's BEIR settings (k1 0.9, b 0.4): abstracts are short and similar in length.
   */
  static final Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

  private IndexSetup() {}

  static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig c = new IndexWriterConfig(analyzer());
    c.setOpenMode(mode);
    c.setSimilarity(SIMILARITY);
    c.setRAMBufferSizeMB(128);
    c.setCodec(new PaperCodec());
    return c;
  }

  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        new PaperAnalyzer(), Map.of(PaperDocuments.AUTHORS, new NameAnalyzer()));
  }
}
