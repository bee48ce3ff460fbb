package org.paperboy.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.paperboy.search.Filters;
import org.paperboy.search.ParsedQuery;
import org.paperboy.search.ParsedQuery.Clause;

/**
 * An alert's query over the {@link CandidateIndex}. The filters are search's ({@link Filters}); the
 * scoring is the alert's own, because an alert is a threshold, not a ranking: each word or phrase
 * is an optional clause (title counting double) of which about two thirds must match, all of them
 * for one or two, so "lattice quantum chromodynamics" does not match a paper that only says
 * "lattice"; {@code title:} and {@code author:} must match in that field but do not score. An
 * acronym the corpus knows also matches its long form ("MLLM" finds "multimodal large language
 * models"), through the {@code expand} function the search package's lexicon answers.
 */
final class AlertQuery {
  static final String TITLE = Filters.TITLE;
  static final String ABSTRACT = "abstract";

  private final Analyzer analyzer;
  private final QueryBuilder builder;
  private final Function<String, String> expand;

  AlertQuery(Analyzer analyzer, Function<String, String> expand) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
    this.expand = expand;
  }

  /**
   * Null when the alert has nothing to search for (only stop words, only exclusions). An alert of
   * filters only lists every candidate passing them.
   */
  Query of(ParsedQuery q) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int should = 0;
    int required = q.yearFrom() != 0 || q.yearTo() != 0 ? 1 : 0;
    Set<String> seen = new LinkedHashSet<>();
    for (Clause c : q.clauses()) {
      if (c.negated()) continue; // an exclusion: one of the filters
      switch (c.kind()) {
        case CATEGORY -> required++;
        case TITLE, AUTHOR -> {
          String field = c.kind() == ParsedQuery.Kind.TITLE ? TITLE : Filters.AUTHORS;
          Query f = builder.createPhraseQuery(field, c.text());
          if (f != null) {
            all.add(f, Occur.FILTER);
            required++;
          }
        }
        case PHRASE -> {
          Query p = either(phrase(TITLE, c.text()), phrase(ABSTRACT, c.text()));
          if (p != null && seen.add("\"" + String.join(" ", firstTerms(c.text())))) {
            all.add(p, Occur.SHOULD);
            should++;
          }
        }
        case WORD -> {
          for (String word : c.text().strip().split("\\s+")) should += word(all, word, seen);
        }
      }
    }
    Query filters = Filters.of(q, builder);
    if (filters != null) all.add(filters, Occur.FILTER);
    if (should == 0) {
      if (required == 0) return null;
      all.add(new MatchAllDocsQuery(), Occur.MUST);
      return all.build();
    }
    all.setMinimumNumberShouldMatch(should <= 2 ? should : (int) Math.ceil(should * 2 / 3.0));
    return all.build();
  }

  /** Adds the clauses of one typed word (one per analysed position); returns how many. */
  private int word(BooleanQuery.Builder all, String raw, Set<String> seen) {
    int colon = raw.indexOf(':');
    if (colon > 0) raw = raw.substring(colon + 1); // an unknown prefix: the word after it
    List<List<String>> positions = positions(raw);
    int added = 0;
    for (List<String> terms : positions) {
      if (!seen.add(terms.get(0))) continue;
      Query c = either(terms(TITLE, terms), terms(ABSTRACT, terms));
      String longForm = positions.size() == 1 && raw.length() <= 12 ? expand.apply(raw) : null;
      if (longForm != null && positions(longForm).size() > 1) {
        Query l = either(phrase(TITLE, longForm), phrase(ABSTRACT, longForm));
        if (l != null)
          c = new BooleanQuery.Builder().add(c, Occur.SHOULD).add(l, Occur.SHOULD).build();
      }
      all.add(c, Occur.SHOULD);
      added++;
    }
    return added;
  }

  /** Title (boosted 2) or abstract; null when neither has anything to match. */
  private static Query either(Query title, Query abstractText) {
    if (title == null || abstractText == null) return null;
    return new BooleanQuery.Builder()
        .add(new BoostQuery(title, 2f), Occur.SHOULD)
        .add(abstractText, Occur.SHOULD)
        .build();
  }

  private Query phrase(String field, String text) {
    return builder.createPhraseQuery(field, text);
  }

  /** One position's terms: one term, or the forms stacked there (a hyphenated word's parts). */
  private static Query terms(String field, List<String> terms) {
    if (terms.size() == 1) return new TermQuery(new Term(field, terms.get(0)));
    SynonymQuery.Builder b = new SynonymQuery.Builder(field);
    for (String t : terms) b.addTerm(new Term(field, t));
    return b.build();
  }

  private List<String> firstTerms(String text) {
    return positions(text).stream().map(p -> p.get(0)).toList();
  }

  /** The analysed terms of {@code text} as the index holds them, by position. */
  private List<List<String>> positions(String text) {
    List<List<String>> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(ABSTRACT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0 && !out.isEmpty())
          out.get(out.size() - 1).add(term.toString());
        else out.add(new ArrayList<>(List.of(term.toString())));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
