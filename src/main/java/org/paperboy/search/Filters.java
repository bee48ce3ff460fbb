package org.paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.paperboy.search.ParsedQuery.Clause;
import org.paperboy.search.ParsedQuery.Kind;

/**
 * The constraints of a search (categories, dates, exclusions) as one Lucene filter, used as is by
 * both the BM25 query and the kNN query, so the vector search never returns fewer hits because of
 * them. Digest alerts filter the day's papers with it too (see {@link #of(ParsedQuery,
 * QueryBuilder)}).
 */
public final class Filters {
  /**
   * The fields the filters read. Another index of papers (the digest's index of the day's papers)
   * that names its fields so gets the same filters.
   */
  public static final String TEXT = PaperDocuments.TEXT,
      TITLE = PaperDocuments.TITLE,
      AUTHORS = PaperDocuments.AUTHORS,
      CATEGORY = PaperDocuments.CATEGORY,
      DAY = PaperDocuments.DAY;

  private Filters() {}

  /** Category, date and exclusion constraints, or null when there are none. */
  static Query of(ParsedQuery q, SearchRequest r, QueryBuilder text) {
    return of(q, r.categories(), r.from(), r.to(), text);
  }

  /**
   * The query's own constraints (categories, years, exclusions) over the fields named above, or
   * null when there are none; {@code text} analyses as the index did.
   */
  public static Query of(ParsedQuery q, QueryBuilder text) {
    return of(q, List.of(), null, null, text);
  }

  private static Query of(
      ParsedQuery q, List<String> categories, LocalDate rFrom, LocalDate rTo, QueryBuilder text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    List<String> cats = new ArrayList<>(categories);
    q.positive(Kind.CATEGORY).forEach(c -> cats.add(c.text()));
    if (!cats.isEmpty()) {
      BooleanQuery.Builder anyCat = new BooleanQuery.Builder();
      for (String c : cats) anyCat.add(category(c), Occur.SHOULD);
      b.add(anyCat.build(), Occur.FILTER);
      any = true;
    }
    LocalDate from = later(rFrom, q.yearFrom() == 0 ? null : LocalDate.of(q.yearFrom(), 1, 1));
    LocalDate to = earlier(rTo, q.yearTo() == 0 ? null : LocalDate.of(q.yearTo(), 12, 31));
    if (from != null || to != null) {
      long lo = from == null ? Long.MIN_VALUE : from.toEpochDay();
      long hi = to == null ? Long.MAX_VALUE : to.toEpochDay();
      b.add(LongField.newRangeQuery(PaperDocuments.DAY, lo, hi), Occur.FILTER);
      any = true;
    }
    for (Clause c : q.negative()) {
      Query not =
          switch (c.kind()) {
            case CATEGORY -> category(c.text());
            case TITLE -> text.createPhraseQuery(PaperDocuments.TITLE, c.text());
            case AUTHOR -> text.createPhraseQuery(PaperDocuments.AUTHORS, c.text());
            default -> text.createPhraseQuery(PaperDocuments.TEXT, c.text());
          };
      if (not != null) {
        b.add(not, Occur.MUST_NOT);
        any = true;
      }
    }
    if (!any) return null;
    b.add(new MatchAllDocsQuery(), Occur.FILTER); // a query of only MUST_NOT matches nothing
    return b.build();
  }

  /**
   * {@code cs.CL} matches that category exactly; an archive matches itself and all its subjects:
   * {@code cs} all of cs.*, {@code q-bio} all of q-bio.*, {@code hep-th} (an archive with no
   * subjects) itself. A hyphen is part of an archive's name, not a sign of a full category.
   */
  private static Query category(String c) {
    Query exact = new TermQuery(new Term(PaperDocuments.CATEGORY, c));
    if (c.contains(".")) return exact;
    return new BooleanQuery.Builder()
        .add(exact, Occur.SHOULD)
        .add(new PrefixQuery(new Term(PaperDocuments.CATEGORY, c + ".")), Occur.SHOULD)
        .build();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
