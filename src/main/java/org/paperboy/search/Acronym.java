package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * What the corpus says an acronym stands for: its long forms ({@code readings}, most used first),
 * each with the number of papers that define it that way, and the distinct meanings among them.
 */
public record Acronym(String shortForm, List<Reading> readings) {

  /** One long form and how many papers define the acronym with it. */
  public record Reading(String longForm, int papers) {
    public Reading {
      requireNonNull(longForm, "longForm");
    }
  }

  public Acronym {
    requireNonNull(shortForm, "shortForm");
    readings = List.copyOf(readings);
  }

  public int papers() {
    return readings.stream().mapToInt(Reading::papers).sum();
  }

  /**
   * The distinct meanings: readings whose first words share a stem ("multimodal large language
   * model", "multimodal llm", "multimodality large language model") are one sense, named by its
   * most used spelling and counted together.
   */
  public List<Reading> senses() {
    Map<String, Reading> bySense = new LinkedHashMap<>();
    for (Reading r : readings) { // most used first, so the first seen names the sense
      bySense.merge(
          sense(r.longForm()), r, (a, b) -> new Reading(a.longForm(), a.papers() + b.papers()));
    }
    List<Reading> out = new ArrayList<>(bySense.values());
    out.sort(Comparator.comparingInt(Reading::papers).reversed());
    return out;
  }

  private static String sense(String longForm) {
    String first = longForm.split(" ")[0];
    PorterStemmer stemmer = new PorterStemmer();
    stemmer.setCurrent(first);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  /** True when the corpus uses the acronym for more than one meaning (see {@link #senses()}). */
  public boolean ambiguous() {
    return senses().size() > 1;
  }

  /** "MLLM = multimodal large language model (147) / multilingual large language model (6)". */
  @Override
  public String toString() {
    return shortForm
        + " = "
        + senses().stream()
            .map(r -> r.longForm() + " (" + r.papers() + ")")
            .collect(Collectors.joining(" / "));
  }
}
