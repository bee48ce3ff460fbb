package org.paperboy.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** How the index is written and scored: analyzers per field, BM25 settings, the vector format. */
final class IndexSetup {
  /** BM25 with Anserini's BEIR settings (k1 0.9, b 0.4): abstracts are short and similar in length. */
  static final Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

  private IndexSetup() {}

  static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig c = new IndexWriterConfig(analyzer());
    c.setOpenMode(mode);
    c.setSimilarity(SIMILARITY);
    c.setRAMBufferSizeMB(128);
    c.setCodec(new VectorCodec());
    return c;
  }

  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        new PaperAnalyzer(), Map.of(PaperDocuments.AUTHORS, new NameAnalyzer()));
  }

  /** HNSW over int8 (7-bit) scalar-quantized vectors: 4x smaller, recall barely changes. */
  private static final class VectorCodec extends Lucene103Codec {
    private final KnnVectorsFormat vectors = new Lucene99HnswScalarQuantizedVectorsFormat();

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
      return vectors;
    }
  }

}
