package org.paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.paperboy.search.ParsedQuery.Clause;
import org.paperboy.search.ParsedQuery.Kind;

/**
 * Turns a {@link ParsedQuery} into Lucene queries: the BM25 query (words over title and abstract,
 * the title boosted, plus acronym expansions) and the filter shared with the vector search.
 */
final class LexicalQueries {
  static final float TITLE_BOOST = 0.5f; // on top of the title's share of TEXT
  static final float AUTHOR_BOOST = 0.5f;
  /** Weight of an acronym's expansions relative to the word typed; split by reading usage. */
  static final float EXPANSION_BOOST = 0.6f;
  /** Long queries (pasted abstracts) keep their first words; Lucene caps clauses at 1024. */
  static final int MAX_WORDS = 64;

  private final QueryBuilder text;
  private final QueryBuilder names;
  private final AcronymLexicon lexicon;

  LexicalQueries(Analyzer analyzer, AcronymLexicon lexicon) {
    this.text = new QueryBuilder(analyzer);
    this.names = new QueryBuilder(analyzer);
    this.lexicon = lexicon;
  }

  /** The BM25 query, or null when nothing searchable is left (only stop words, only filters). */
  Query scoring(ParsedQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    String free = capped(join(q.positive(Kind.WORD)));
    add(b, wordsOver(free), Occur.SHOULD);
    for (Clause c : q.positive(Kind.PHRASE)) add(b, phraseOver(c.text()), Occur.MUST);
    for (Clause c : q.positive(Kind.TITLE)) add(b, field(text, PaperDocuments.TITLE, c), Occur.MUST);
    for (Clause c : q.positive(Kind.AUTHOR)) add(b, field(names, PaperDocuments.AUTHORS, c), Occur.MUST);
    if (b.build().clauses().isEmpty()) return null;
    for (Query expansion : expansions(capped(q.aboutText()))) add(b, expansion, Occur.SHOULD);
    return b.build();
  }

  private Query wordsOver(String words) {
    if (words.isBlank()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, text.createBooleanQuery(PaperDocuments.TEXT, words), Occur.SHOULD);
    add(b, boost(text.createBooleanQuery(PaperDocuments.TITLE, words), TITLE_BOOST), Occur.SHOULD);
    add(b, boost(names.createBooleanQuery(PaperDocuments.AUTHORS, words), AUTHOR_BOOST), Occur.SHOULD);
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private Query phraseOver(String phrase) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    add(b, text.createPhraseQuery(PaperDocuments.TEXT, phrase), Occur.SHOULD);
    add(b, boost(text.createPhraseQuery(PaperDocuments.TITLE, phrase), TITLE_BOOST), Occur.SHOULD);
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private static Query field(QueryBuilder qb, String field, Clause c) {
    return c.quoted()
        ? qb.createPhraseQuery(field, c.text())
        : qb.createBooleanQuery(field, c.text(), Occur.MUST);
  }

  /**
   * For each acronym in the query, its long forms as phrases; for each long form spelled out, its
   * acronyms as terms. Weighted by how often the corpus uses that reading, so the rare meaning of
   * an ambiguous acronym (MLLM as multilingual) barely pulls.
   */
  List<Query> expansions(String about) {
    List<Query> out = new ArrayList<>();
    for (Map.Entry<Acronym, Acronym.Reading> e : acronymsIn(about).entrySet()) {
      Acronym a = e.getKey();
      if (e.getValue() == null) {
        for (Acronym.Reading r : a.readings()) {
          Query p = text.createPhraseQuery(PaperDocuments.TEXT, r.longForm());
          out.add(boost(p, EXPANSION_BOOST * r.papers() / a.papers()));
        }
      } else {
        // the reader spelled it out: the acronym stands for it in this share of the papers
        Query t = new TermQuery(new Term(PaperDocuments.TEXT, a.shortForm().toLowerCase(java.util.Locale.ROOT)));
        out.add(boost(t, EXPANSION_BOOST * e.getValue().papers() / a.papers()));
      }
    }
    return out.stream().filter(q -> q != null).toList();
  }

  /**
   * The acronyms the text names: typed as acronyms (mapped to null) or spelled out as one of
   * their long forms (mapped to that reading).
   */
  Map<Acronym, Acronym.Reading> acronymsIn(String about) {
    Map<Acronym, Acronym.Reading> found = new LinkedHashMap<>();
    String[] raw = about.split("[\\s,;:!?()\\[\\]\"]+");
    for (String token : raw) {
      if (token.length() >= 2) lexicon.lookup(token).ifPresent(a -> found.putIfAbsent(a, null));
    }
    String[] words = AcronymMiner.normalize(about.strip()).split("\\s+");
    int max = lexicon.maxLongFormWords();
    for (int i = 0; i < words.length; i++) {
      for (int n = 2; n <= max && i + n <= words.length; n++) {
        String gram = AcronymMiner.normalize(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
        for (String sf : lexicon.shortFormsOf(gram)) {
          Acronym a = lexicon.lookup(sf).orElseThrow();
          a.readings().stream()
              .filter(r -> r.longForm().equals(gram))
              .findFirst()
              .ifPresent(r -> found.putIfAbsent(a, r));
        }
      }
    }
    return found;
  }

  /** The acronyms typed in the query that the corpus reads in more than one way. */
  List<Acronym> ambiguous(ParsedQuery q) {
    List<Acronym> out = new ArrayList<>();
    acronymsIn(capped(q.aboutText())).forEach((a, r) -> {
      if (r == null && a.ambiguous()) out.add(a);
    });
    return out;
  }

  /** Category, date and exclusion constraints, or null when there are none. */
  static Query filter(ParsedQuery q, SearchRequest r, QueryBuilder text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    List<String> cats = new ArrayList<>(r.categories());
    q.positive(Kind.CATEGORY).forEach(c -> cats.add(c.text()));
    if (!cats.isEmpty()) {
      BooleanQuery.Builder anyCat = new BooleanQuery.Builder();
      for (String c : cats) anyCat.add(category(c), Occur.SHOULD);
      b.add(anyCat.build(), Occur.FILTER);
      any = true;
    }
    LocalDate from = later(r.from(), q.yearFrom() == 0 ? null : LocalDate.of(q.yearFrom(), 1, 1));
    LocalDate to = earlier(r.to(), q.yearTo() == 0 ? null : LocalDate.of(q.yearTo(), 12, 31));
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
            case AUTHOR -> new QueryBuilder(new NameAnalyzer()).createPhraseQuery(PaperDocuments.AUTHORS, c.text());
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

  /** {@code cs.CL} matches that category exactly; {@code cs} matches all of cs.*. */
  private static Query category(String c) {
    return c.contains(".") || c.contains("-")
        ? new TermQuery(new Term(PaperDocuments.CATEGORY, c))
        : new PrefixQuery(new Term(PaperDocuments.CATEGORY, c + "."));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static String join(List<Clause> clauses) {
    return String.join(" ", clauses.stream().map(Clause::text).toList());
  }

  static String capped(String s) {
    String[] words = s.strip().split("\\s+");
    return words.length <= MAX_WORDS ? s : String.join(" ", Arrays.copyOf(words, MAX_WORDS));
  }

  private static Query boost(Query q, float boost) {
    return q == null ? null : new BoostQuery(q, boost);
  }

  private static void add(BooleanQuery.Builder b, Query q, Occur occur) {
    if (q != null) b.add(q, occur);
  }
}
