package org.paperboy.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.paperboy.BadInputException;
import org.paperboy.paper.Paper;
import org.paperboy.search.Filters;
import org.paperboy.search.LexicalQueries;
import org.paperboy.search.ParsedQuery;
import org.paperboy.search.QuerySyntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's candidate papers in a Lucene index in memory ({@link ByteBuffersDirectory}), built once
 * per run, so each distinct alert costs a search over a thousand papers instead of one over the
 * whole corpus with snippets. Alerts are saved searches: parsed by search's {@link QuerySyntax},
 * analysed as search analyses (English stems for text, names for authors), filtered by search's
 * {@link Filters}; only the scoring is the alert's own ({@link AlertQuery}).
 */
final class CandidateIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CandidateIndex.class);

  /** One candidate that matched, with its BM25 score against this index. */
  record Hit(String id, float score) {}

  private final Analyzer analyzer = LexicalQueries.analyzer();
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<String> ids = new ArrayList<>();
  private final Set<String> unreadable = new LinkedHashSet<>();

  CandidateIndex(List<Paper> candidates) {
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
      for (Paper p : candidates) {
        w.addDocument(document(p));
        ids.add(p.id());
      }
      w.commit();
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory index of the day's papers", e);
    }
  }

  /**
   * Title and abstract scored apart (the title counts double at query time, see {@link
   * AlertQuery}); {@link Filters#TEXT} holds both for exclusions; the rest under search's names.
   */
  private static Document document(Paper p) {
    Document d = new Document();
    d.add(new StoredField("id", p.id()));
    d.add(new TextField(AlertQuery.TITLE, p.title(), Field.Store.NO));
    d.add(new TextField(AlertQuery.ABSTRACT, p.abstractText(), Field.Store.NO));
    d.add(new TextField(Filters.TEXT, p.title(), Field.Store.NO));
    d.add(new TextField(Filters.TEXT, p.abstractText(), Field.Store.NO));
    d.add(new TextField(Filters.AUTHORS, String.join("\n", p.authors()), Field.Store.NO));
    for (String c : p.categories()) d.add(new KeywordField(Filters.CATEGORY, c, Field.Store.NO));
    LocalDate day = p.published() != null ? p.published() : p.updated();
    if (day != null) d.add(new LongField(Filters.DAY, day.toEpochDay(), Field.Store.NO));
    return d;
  }

  /**
   * The candidates matching {@code alert}, best first, at most {@code depth}; {@code expand} gives
   * an acronym's long form or null.
   */
  List<Hit> search(String alert, int depth, Function<String, String> expand) {
    Query q = new AlertQuery(analyzer, expand).of(parse(alert));
    if (q == null || ids.isEmpty()) return List.of();
    try {
      List<Hit> out = new ArrayList<>();
      var stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(q, depth).scoreDocs)
        out.add(new Hit(stored.document(sd.doc).get("id"), sd.score));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Alerts are checked when saved ({@link SubscriptionForm}). One saved before that check that does
   * not parse is read as it was matched then: its quotes ignored (the old reading of an unclosed
   * quote), or if that does not parse either, as plain words; the log says so once per run.
   */
  private ParsedQuery parse(String alert) {
    try {
      return QuerySyntax.parse(alert);
    } catch (BadInputException e) {
      if (unreadable.add(alert)) log.warn("alert '{}' read loosely: {}", alert, e.getMessage());
      try {
        return QuerySyntax.parse(alert.replace('"', ' '));
      } catch (BadInputException again) {
        return ParsedQuery.plain(alert.replace('"', ' '));
      }
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
