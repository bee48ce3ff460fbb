package org.paperboy.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.paperboy.paper.Paper;

/**
 * The day's candidate papers in a Lucene index in memory ({@link ByteBuffersDirectory}), built once
 * per run, so each distinct alert costs a search over a thousand papers instead of one over the
 * whole corpus with snippets. English analysis (stop words, Porter stems) on title and abstract,
 * title words counting double. An alert's words are clauses of which about two thirds must match
 * (so "lattice quantum chromodynamics" does not match a paper that only says "lattice"); an acronym
 * the corpus knows also matches its long form ("MLLM" finds "multimodal large language models"),
 * through the {@code expand} function the search package's lexicon answers.
 */
final class CandidateIndex implements AutoCloseable {
  private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:\\.\\.(\\d{4}))?");
  private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"|(-?)(\\S+)");

  /** One candidate that matched, with its BM25 score against this index. */
  record Hit(String id, float score) {}

  private final Analyzer analyzer = new EnglishChain();
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<String> ids = new ArrayList<>();

  CandidateIndex(List<Paper> candidates) {
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
      for (Paper p : candidates) {
        Document d = new Document();
        d.add(new StoredField("id", p.id()));
        d.add(new TextField("title", p.title(), Field.Store.NO));
        d.add(new TextField("abstract", p.abstractText(), Field.Store.NO));
        d.add(new TextField("authors", String.join(", ", p.authors()), Field.Store.NO));
        for (String c : p.categories())
          d.add(new StringField("cat", c.toLowerCase(Locale.ROOT), Field.Store.NO));
        if (p.published() != null) d.add(new IntPoint("year", p.published().getYear()));
        w.addDocument(d);
        ids.add(p.id());
      }
      w.commit();
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory index of the day's papers", e);
    }
  }

  int size() {
    return ids.size();
  }

  /**
   * The candidates matching {@code alert}, best first, at most {@code depth}. Words, "phrases" and
   * -exclusions; {@code expand} gives an acronym's long form or null.
   */
  List<Hit> search(String alert, int depth, Function<String, String> expand) {
    Query q = query(alert, expand);
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
   * Null when the alert has nothing to search for (only stop words, say). The search syntax: words
   * and "phrases" score (most of them must match); {@code title:} and {@code author:} words must
   * match in that field; {@code cat:cs.CL} and {@code year:2024} / {@code year:2023..2025} filter;
   * a leading {@code -} excludes. An alert of filters only lists every candidate passing them.
   */
  Query query(String alert, Function<String, String> expand) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int should = 0;
    int required = 0;
    Set<String> seen = new LinkedHashSet<>();
    Matcher m = TOKEN.matcher(alert);
    while (m.find()) {
      boolean phrase = m.group(2) != null;
      boolean not = !(phrase ? m.group(1) : m.group(3)).isEmpty();
      String raw = phrase ? m.group(2) : m.group(4);
      int colon = phrase ? -1 : raw.indexOf(':');
      if (colon > 0) {
        Query field =
            fieldClause(raw.substring(0, colon).toLowerCase(Locale.ROOT), raw.substring(colon + 1));
        if (field != null) {
          all.add(field, not ? Occur.MUST_NOT : Occur.FILTER);
          if (!not) required++;
          continue;
        }
        raw = raw.substring(colon + 1); // an unknown prefix: the word after it
      }
      List<String> terms = terms(raw);
      if (terms.isEmpty()) continue;
      if (phrase) {
        if (!seen.add("\"" + String.join(" ", terms))) continue;
        Query c = either(phraseIn("title", terms), phraseIn("abstract", terms));
        if (not) all.add(c, Occur.MUST_NOT);
        else {
          all.add(c, Occur.SHOULD);
          should++;
        }
        continue;
      }
      for (String t : terms) {
        if (!seen.add(t)) continue;
        Query c =
            either(new TermQuery(new Term("title", t)), new TermQuery(new Term("abstract", t)));
        if (not) {
          all.add(c, Occur.MUST_NOT);
          continue;
        }
        String longForm = terms.size() == 1 && raw.length() <= 12 ? expand.apply(raw) : null;
        List<String> expanded = longForm == null ? List.of() : terms(longForm);
        if (expanded.size() > 1) {
          c =
              new BooleanQuery.Builder()
                  .add(c, Occur.SHOULD)
                  .add(
                      either(phraseIn("title", expanded), phraseIn("abstract", expanded)),
                      Occur.SHOULD)
                  .build();
        }
        all.add(c, Occur.SHOULD);
        should++;
      }
    }
    if (should == 0) {
      if (required == 0) return null;
      all.add(new MatchAllDocsQuery(), Occur.MUST);
      return all.build();
    }
    all.setMinimumNumberShouldMatch(should <= 2 ? should : (int) Math.ceil(should * 2 / 3.0));
    return all.build();
  }

  /**
   * The clause of {@code title:}, {@code author:}, {@code cat:} or {@code year:}; null for any
   * other prefix.
   */
  private Query fieldClause(String field, String value) {
    switch (field) {
      case "title", "author" -> {
        List<String> terms = terms(value);
        if (terms.isEmpty()) return null;
        return phraseIn(field.equals("title") ? "title" : "authors", terms);
      }
      case "cat" -> {
        return value.isBlank()
            ? null
            : new TermQuery(new Term("cat", value.toLowerCase(Locale.ROOT)));
      }
      case "year" -> {
        Matcher y = YEARS.matcher(value);
        if (!y.matches()) return null;
        int from = Integer.parseInt(y.group(1));
        int to = y.group(2) == null ? from : Integer.parseInt(y.group(2));
        return IntPoint.newRangeQuery("year", Math.min(from, to), Math.max(from, to));
      }
      default -> {
        return null;
      }
    }
  }

  private static Query either(Query title, Query abstractText) {
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, 2f), Occur.SHOULD)
        .add(abstractText, Occur.SHOULD)
        .build();
  }

  private static Query phraseIn(String field, List<String> terms) {
    return terms.size() == 1
        ? new TermQuery(new Term(field, terms.get(0)))
        : new PhraseQuery(field, terms.toArray(String[]::new));
  }

  /** The analysed terms of {@code text}, as the index holds them. */
  List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("abstract", text.toLowerCase(Locale.ROOT))) {
      CharTermAttribute a = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(a.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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

  /** Lucene's English chain: the same on papers and on alerts. */
  private static final class EnglishChain extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream t = new LowerCaseFilter(source);
      t = new ASCIIFoldingFilter(t);
      t = new EnglishPossessiveFilter(t);
      t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      t = new PorterStemFilter(t);
      return new TokenStreamComponents(source, t);
    }
  }
}
