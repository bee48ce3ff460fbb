package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the corpus says an acronym stands for: its long forms, most used first, each with the
 * number of papers that define it that way.
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

  public boolean ambiguous() {
    return readings.size() > 1;
  }

  /** "MLLM = multimodal large language model (143) / multilingual large language model (2)". */
  @Override
  public String toString() {
    return shortForm
        + " = "
        + readings.stream()
            .map(r -> r.longForm() + " (" + r.papers() + ")")
            .collect(Collectors.joining(" / "));
  }
}
