package org.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.paperboy.embed.BgeSmallEmbedder;
import org.paperboy.embed.Embedder;
import org.paperboy.paper.Paper;

/** Papers to documents, with their vectors when there is an embedder (one batch call per batch). */
final class Indexing {
  private Indexing() {}

  static List<Document> documents(List<Paper> papers, Embedder embedder) {
    float[][] vectors = null;
    if (embedder != null && !papers.isEmpty()) {
      vectors = embedder.embedDocuments(papers.stream().map(Indexing::text).toList());
    }
    List<Document> docs = new ArrayList<>(papers.size());
    for (int i = 0; i < papers.size(); i++) {
      docs.add(PaperDocuments.toDocument(papers.get(i), vectors == null ? null : vectors[i]));
    }
    return docs;
  }

  static String text(Paper p) {
    return BgeSmallEmbedder.paperText(p.title(), p.abstractText());
  }
}
