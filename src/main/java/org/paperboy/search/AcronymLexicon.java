package org.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of what the corpus says each acronym means, with counts. Built from
 * definition counts ({@link #of}); looked up by acronym, or by long form to find the acronyms a
 * spelled-out query also goes by. Readings seen in a single paper only are kept (the lexicon is
 * inspectable) but weigh little when expanding queries.
 */
final class AcronymLexicon {
  static final AcronymLexicon EMPTY = of(Map.of());

  private final Map<String, Acronym> byShort;
  private final Map<String, List<String>> shortsByLong;
  private final java.util.Set<String> firstWords = new java.util.HashSet<>();
  private final int maxLongFormWords;

  private AcronymLexicon(Map<String, Acronym> byShort) {
    this.byShort = byShort;
    Map<String, List<String>> byLong = new HashMap<>();
    for (Acronym a : byShort.values()) {
      for (Acronym.Reading r : a.readings()) {
        byLong.computeIfAbsent(r.longForm(), k -> new ArrayList<>()).add(a.shortForm());
      }
    }
    this.shortsByLong = byLong;
    int max = 0;
    for (String lf : byLong.keySet()) {
      String[] words = lf.split(" ");
      firstWords.add(words[0]);
      max = Math.max(max, words.length);
    }
    this.maxLongFormWords = max;
  }

  /** From counts: short form -> long form -> number of papers. */
  static AcronymLexicon of(Map<String, Map<String, Integer>> counts) {
    Map<String, Acronym> byShort = new TreeMap<>();
    counts.forEach(
        (sf, longs) -> {
          List<Acronym.Reading> readings = new ArrayList<>();
          longs.forEach((lf, n) -> readings.add(new Acronym.Reading(lf, n)));
          readings.sort(
              Comparator.comparingInt(Acronym.Reading::papers)
                  .reversed()
                  .thenComparing(Acronym.Reading::longForm));
          byShort.put(sf, new Acronym(sf, readings));
        });
    return new AcronymLexicon(byShort);
  }

  /**
   * The acronym for a query token in any case or number ("mllms", "MLLM"), if the corpus defines
   * it.
   */
  Optional<Acronym> lookup(String token) {
    String t = token.strip();
    if (t.length() > 2 && (t.endsWith("s") || t.endsWith("S"))) {
      Acronym plural = byShort.get(t.substring(0, t.length() - 1).toUpperCase(Locale.ROOT));
      if (plural != null && !byShort.containsKey(t.toUpperCase(Locale.ROOT)))
        return Optional.of(plural);
    }
    return Optional.ofNullable(byShort.get(t.toUpperCase(Locale.ROOT)));
  }

  /** The acronyms defined with exactly this (normalized) long form. */
  List<String> shortFormsOf(String normalizedLongForm) {
    return shortsByLong.getOrDefault(normalizedLongForm, List.of());
  }

  /** The longest long form has this many words; bounds the n-grams a query is checked for. */
  int maxLongFormWords() {
    return maxLongFormWords;
  }

  /** Whether some long form starts with this (normalized) word; prunes the n-gram scan. */
  boolean startsALongForm(String word) {
    return firstWords.contains(word);
  }

  /** All acronyms, most defined first. */
  List<Acronym> all() {
    List<Acronym> list = new ArrayList<>(byShort.values());
    list.sort(
        Comparator.comparingInt(Acronym::papers).reversed().thenComparing(Acronym::shortForm));
    return list;
  }

  int size() {
    return byShort.size();
  }
}
