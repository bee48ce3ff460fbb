package org.paperboy.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.paperboy.search.ParsedQuery.Clause;
import org.paperboy.search.ParsedQuery.Kind;

/**
 * Turns a {@link ParsedQuery} into the BM25 query: words over the text (where the title counts
 * twice, see {@link PaperDocuments#TEXT}) and the authors, plus acronym expansions. The filters are
 * {@link Filters}.
 */
public final class LexicalQueries {
  static final float AUTHOR_BOOST = 0.5f;

  /** Weight of an acronym's expansions relative to the word typed; split by reading usage. */
  static final float EXPANSION_BOOST = 0.6f;

  /**
   * An acronym typed in a query is expanded with at most its this many most used readings: a big
   * corpus gives common acronyms dozens of rare ones, each a phrase query that reads positions,
   * while their weights (their share of the papers) make them count for almost nothing.
   */
  static final int MAX_READINGS = 3;

  /** Long queries (pasted abstracts) keep their first words; Lucene caps clauses at 1024. */
  static final int MAX_WORDS = 64;

  private final QueryBuilder text;
  private final AcronymLexicon lexicon;
  private static final java.util.regex.Pattern TOKENS =
      java.util.regex.Pattern.compile("[\\s,;:!?()\\[\\]\"]+");
  private String lastText;
  private Map<Acronym, Acronym.Reading> lastFound;

  /**
   * The analysis of the search index, field by field (English for text, names for authors), for
   * another index of papers whose queries must mean what they mean in search: digest alerts.
   */
  public static Analyzer analyzer() {
    return IndexSetup.analyzer();
  }

  LexicalQueries(Analyzer analyzer, AcronymLexicon lexicon) {
    this.text = new QueryBuilder(analyzer); // per field: the authors field has its own analyzer
    this.lexicon = lexicon;
  }

  /** The BM25 query, or null when nothing searchable is left (only stop words, only filters). */
  Query scoring(ParsedQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    String free = capped(join(q.positive(Kind.WORD)));
    wordsOver(b, free);
    for (Clause c : q.positive(Kind.PHRASE)) add(b, phraseOver(c.text()), Occur.MUST);
    for (Clause c : q.positive(Kind.TITLE))
      add(b, field(text, PaperDocuments.TITLE, c), Occur.MUST);
    for (Clause c : q.positive(Kind.AUTHOR))
      add(b, field(text, PaperDocuments.AUTHORS, c), Occur.MUST);
    if (b.build().clauses().isEmpty()) return null;
    for (Query expansion : expansions(capped(q.aboutText()))) add(b, expansion, Occur.SHOULD);
    return b.build();
  }

  /** The words to mark in snippets: the query's words, over the text's postings. */
  Query highlighting(ParsedQuery q) {
    String about = capped(q.aboutText());
    return about.isBlank() ? null : text.createBooleanQuery(PaperDocuments.TEXT, about);
  }

  /**
   * The free words over text and authors, as optional clauses of {@code b}: one flat disjunction of
   * term clauses (the same sum of scores as one disjunction per field), so that MaxScore sees every
   * term's upper bound and skips the documents that cannot reach the top.
   */
  private void wordsOver(BooleanQuery.Builder b, String words) {
    if (words.isBlank()) return;
    flat(b, text.createBooleanQuery(PaperDocuments.TEXT, words), 1f);
    flat(b, text.createBooleanQuery(PaperDocuments.AUTHORS, words), AUTHOR_BOOST);
  }

  /** Adds a pure disjunction's clauses (or the query itself) to {@code b} as SHOULD, boosted. */
  private static void flat(BooleanQuery.Builder b, Query q, float boost) {
    if (q instanceof BooleanQuery bq
        && bq.getMinimumNumberShouldMatch() == 0
        && bq.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
      for (var c : bq.clauses())
        b.add(boost == 1f ? c.query() : boost(c.query(), boost), Occur.SHOULD);
    } else if (q != null) {
      b.add(boost == 1f ? q : boost(q, boost), Occur.SHOULD);
    }
  }

  private Query phraseOver(String phrase) {
    return text.createPhraseQuery(PaperDocuments.TEXT, phrase);
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
        for (Acronym.Reading r :
            a.readings().subList(0, Math.min(MAX_READINGS, a.readings().size()))) {
          Query p = text.createPhraseQuery(PaperDocuments.TEXT, r.longForm());
          out.add(boost(p, EXPANSION_BOOST * r.papers() / a.papers()));
        }
      } else {
        // the reader spelled it out: the acronym stands for it in this share of the papers
        Query t =
            new TermQuery(
                new Term(PaperDocuments.TEXT, a.shortForm().toLowerCase(java.util.Locale.ROOT)));
        out.add(boost(t, EXPANSION_BOOST * e.getValue().papers() / a.papers()));
      }
    }
    return out.stream().filter(q -> q != null).toList();
  }

  /**
   * What the model embeds for {@code about}: each acronym typed in it that the lexicon knows is
   * followed by what it stands for here, "MLM" -> "MLM (masked language model)", because the model
   * knows an acronym alone poorly and then ranks by its letters. The reading is the one sharing
   * most words with the rest of the query ("multilingual MLLMs" reads MLLM as multilingual), else
   * the most used one. A long form the reader spelled out or picked (a refinement link writes it as
   * a phrase) is embedded exactly as written.
   */
  String embeddingText(String about) {
    StringBuilder out = new StringBuilder(about);
    List<String> words = AcronymMiner.words(about);
    for (Map.Entry<Acronym, Acronym.Reading> e : acronymsIn(about).entrySet()) {
      if (e.getValue() != null) continue;
      Acronym.Reading best = null;
      int bestShared = -1;
      for (Acronym.Reading r : e.getKey().readings()) {
        int shared = 0;
        for (String w : AcronymMiner.words(r.longForm())) if (words.contains(w)) shared++;
        if (shared > bestShared) {
          best = r;
          bestShared = shared;
        }
      }
      if (best != null) out.append(" (").append(best.longForm()).append(')');
    }
    return out.toString();
  }

  /**
   * The acronyms the text names: typed as acronyms (mapped to null) or spelled out as one of their
   * long forms (mapped to that reading). Computed once per query text.
   */
  Map<Acronym, Acronym.Reading> acronymsIn(String about) {
    if (about.equals(lastText)) return lastFound;
    Map<Acronym, Acronym.Reading> found = new LinkedHashMap<>();
    for (String token : TOKENS.split(about)) {
      if (typedAsAcronym(token)) lexicon.lookup(token).ifPresent(a -> found.putIfAbsent(a, null));
    }
    List<String> words = AcronymMiner.words(about);
    int max = lexicon.maxLongFormWords();
    for (int i = 0; i < words.size(); i++) {
      if (!lexicon.startsALongForm(words.get(i))) continue;
      for (int n = 2; n <= max && i + n <= words.size(); n++) {
        List<String> gramWords = new ArrayList<>(words.subList(i, i + n));
        gramWords.set(n - 1, AcronymMiner.singular(gramWords.get(n - 1)));
        String gram = String.join(" ", gramWords);
        for (String sf : lexicon.shortFormsOf(gram)) {
          Acronym a = lexicon.lookup(sf).orElseThrow();
          a.readings().stream()
              .filter(r -> r.longForm().equals(gram))
              .findFirst()
              .ifPresent(r -> found.putIfAbsent(a, r));
        }
      }
    }
    lastText = about;
    lastFound = found;
    return found;
  }

  /** Whether {@code about} is only acronyms the lexicon knows ("MLM", "MoE LLMs"). */
  boolean acronymsAlone(String about) {
    String[] tokens = TOKENS.split(about.strip());
    for (String t : tokens) {
      if (t.isEmpty()) continue;
      if (!typedAsAcronym(t) || lexicon.lookup(t).isEmpty()) return false;
    }
    return !acronymsIn(about).isEmpty();
  }

  /**
   * "MLLM", "LLMs" and "mllm" are typed as acronyms; "can" or "ad" are words, even when some paper
   * defines CAN or AD. Lower case counts only without vowels, which English words rarely lack.
   */
  static boolean typedAsAcronym(String token) {
    if (token.length() < 2) return false;
    if (Acronyms.fold(token) != null) return true;
    String t = token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
    return t.length() >= 2
        && t.chars().allMatch(c -> Character.isLetterOrDigit(c) && "aeiouy".indexOf(c) < 0)
        && t.chars().anyMatch(Character::isLetter);
  }

  /** The acronyms typed in the query that the corpus reads in more than one way. */
  List<Acronym> ambiguous(ParsedQuery q) {
    List<Acronym> out = new ArrayList<>();
    acronymsIn(capped(q.aboutText()))
        .forEach(
            (a, r) -> {
              if (r == null && a.ambiguous()) out.add(a);
            });
    return out;
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
