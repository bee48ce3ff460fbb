package org.paperboy.search;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A query after {@link QuerySyntax}: its clauses and an optional year range (0 = open end).
 *
 * @param clauses in the order written
 * @param yearFrom first year included, 0 when unbounded
 * @param yearTo last year included, 0 when unbounded
 */
public record ParsedQuery(List<Clause> clauses, int yearFrom, int yearTo) {

  public enum Kind {
    WORD,
    PHRASE,
    TITLE,
    AUTHOR,
    CATEGORY
  }

  /**
   * One piece of the query; {@code negated} for {@code -word}, {@code -"a phrase"}, {@code -cat:x}.
   */
  public record Clause(Kind kind, String text, boolean quoted, boolean negated) {
    public Clause {
      requireNonNull(kind, "kind");
      requireNonNull(text, "text");
    }
  }

  public ParsedQuery {
    clauses = List.copyOf(clauses);
  }

  /**
   * The plain query as free text, treating every character literally (for collections like BEIR).
   */
  public static ParsedQuery plain(String text) {
    return new ParsedQuery(List.of(new Clause(Kind.WORD, text, false, false)), 0, 0);
  }

  public List<Clause> positive(Kind kind) {
    return clauses.stream().filter(c -> c.kind() == kind && !c.negated()).toList();
  }

  public List<Clause> negative() {
    return clauses.stream().filter(Clause::negated).toList();
  }

  /** What the query is about, in words: for embedding, acronym lookup and highlighting. */
  String aboutText() {
    return clauses.stream()
        .filter(c -> !c.negated() && c.kind() != Kind.AUTHOR && c.kind() != Kind.CATEGORY)
        .map(Clause::text)
        .collect(Collectors.joining(" "));
  }
}
