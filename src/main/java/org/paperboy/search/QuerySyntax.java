package org.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.BadInputException;
import org.paperboy.search.ParsedQuery.Clause;
import org.paperboy.search.ParsedQuery.Kind;

/**
 * Parses the search box: words, "phrases", {@code -exclude}, {@code title:}, {@code author:},
 * {@code cat:cs.CL}, {@code year:2024} and {@code year:2023..2025}. Anything else is a plain word,
 * so {@code C++}, {@code what?} or {@code AND} are just text. Errors name the 1-based character
 * position, because the query is all the reader has to go on. Digest alerts are saved searches and
 * use this parser too.
 */
public final class QuerySyntax {
  private static final Pattern YEARS = Pattern.compile("(\\d{4})?(?:(\\.\\.)(\\d{4})?)?");

  private QuerySyntax() {}

  /** The parsed query; bad syntax is a {@link BadInputException} naming the position. */
  public static ParsedQuery parse(String query) {
    if (query == null || query.isBlank()) throw new BadInputException("the query is empty");
    List<Clause> clauses = new ArrayList<>();
    int yearFrom = 0;
    int yearTo = 0;
    int i = 0;
    int n = query.length();
    while (i < n) {
      if (Character.isWhitespace(query.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean negated = false;
      if (query.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
        negated = true;
        i++;
      }
      Kind kind = Kind.WORD;
      String field = fieldAt(query, i);
      if (field != null) {
        i += field.length() + 1;
        kind =
            switch (field) {
              case "title" -> Kind.TITLE;
              case "author" -> Kind.AUTHOR;
              case "cat" -> Kind.CATEGORY;
              default -> null; // year
            };
        if (i >= n || Character.isWhitespace(query.charAt(i))) {
          throw new BadInputException(
              "'"
                  + field
                  + ":' at position "
                  + (start + 1)
                  + " needs a value right after the colon");
        }
      }
      boolean quoted = query.charAt(i) == '"';
      String value;
      if (quoted) {
        int close = query.indexOf('"', i + 1);
        if (close < 0) {
          throw new BadInputException("the quote at position " + (i + 1) + " is never closed");
        }
        value = query.substring(i + 1, close).strip();
        i = close + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(query.charAt(end))) end++;
        value = query.substring(i, end);
        i = end;
      }
      if (kind == null) {
        if (negated) {
          throw new BadInputException(
              "'-year:' at position "
                  + (start + 1)
                  + " is not supported; use a range like year:2023..2025");
        }
        int[] years = years(value, start);
        yearFrom = years[0];
        yearTo = years[1];
        continue;
      }
      if (value.isEmpty()) continue; // "" on its own says nothing
      if (kind == Kind.WORD && quoted) kind = Kind.PHRASE;
      clauses.add(new Clause(kind, value, quoted, negated));
    }
    return new ParsedQuery(clauses, yearFrom, yearTo);
  }

  /** The field name when {@code query} has {@code field:} at {@code i}, else null. */
  private static String fieldAt(String query, int i) {
    for (String f : new String[] {"title", "author", "cat", "year"}) {
      if (query.regionMatches(true, i, f + ":", 0, f.length() + 1))
        return f.toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static int[] years(String value, int start) {
    Matcher m = YEARS.matcher(value);
    if (value.isEmpty() || !m.matches() || (m.group(1) == null && m.group(3) == null)) {
      throw new BadInputException(
          "'year:"
              + value
              + "' at position "
              + (start + 1)
              + ": expected year:2024 or year:2023..2025");
    }
    int from = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    if (from != 0 && to != 0 && from > to) {
      throw new BadInputException(
          "'year:" + value + "' at position " + (start + 1) + ": the range runs backwards");
    }
    return new int[] {from, to};
  }
}
