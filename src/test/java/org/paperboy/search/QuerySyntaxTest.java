package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paperboy.BadInputException;
import org.paperboy.search.ParsedQuery.Clause;
import org.paperboy.search.ParsedQuery.Kind;

class QuerySyntaxTest {

  @Test
  void reads_words_phrases_exclusions_and_fields() {
    ParsedQuery q =
        QuerySyntax.parse(
            "visual tokens \"token pruning\" -video title:efficient author:\"Yann LeCun\" cat:cs.CV year:2023..2025");
    assertThat(q.clauses())
        .containsExactly(
            new Clause(Kind.WORD, "visual", false, false),
            new Clause(Kind.WORD, "tokens", false, false),
            new Clause(Kind.PHRASE, "token pruning", true, false),
            new Clause(Kind.WORD, "video", false, true),
            new Clause(Kind.TITLE, "efficient", false, false),
            new Clause(Kind.AUTHOR, "Yann LeCun", true, false),
            new Clause(Kind.CATEGORY, "cs.CV", false, false));
    assertThat(q.yearFrom()).isEqualTo(2023);
    assertThat(q.yearTo()).isEqualTo(2025);
    assertThat(q.aboutText()).isEqualTo("visual tokens token pruning efficient");
  }

  @Test
  void a_single_year_is_a_one_year_range_and_open_ranges_work() {
    assertThat(QuerySyntax.parse("year:2024"))
        .extracting(ParsedQuery::yearFrom, ParsedQuery::yearTo)
        .containsExactly(2024, 2024);
    assertThat(QuerySyntax.parse("x year:2023.."))
        .extracting(ParsedQuery::yearFrom, ParsedQuery::yearTo)
        .containsExactly(2023, 0);
    assertThat(QuerySyntax.parse("x year:..2020"))
        .extracting(ParsedQuery::yearFrom, ParsedQuery::yearTo)
        .containsExactly(0, 2020);
  }

  @Test
  void lucene_operators_and_symbols_are_plain_words() {
    ParsedQuery q = QuerySyntax.parse("C++ AND what? foo:bar - (x)");
    assertThat(q.clauses())
        .extracting(Clause::text)
        .containsExactly("C++", "AND", "what?", "foo:bar", "-", "(x)");
    assertThat(q.negative()).isEmpty();
  }

  @Test
  void an_unclosed_quote_is_an_error_naming_its_position() {
    assertThatThrownBy(() -> QuerySyntax.parse("vision \"language model"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("the quote at position 8 is never closed");
  }

  @Test
  void a_bad_year_is_an_error_naming_its_position() {
    assertThatThrownBy(() -> QuerySyntax.parse("llm year:twenty"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("position 5")
        .hasMessageContaining("year:2023..2025");
    assertThatThrownBy(() -> QuerySyntax.parse("year:2025..2023"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("backwards");
  }

  @Test
  void a_field_without_a_value_is_an_error() {
    assertThatThrownBy(() -> QuerySyntax.parse("models cat: vision"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("'cat:' at position 8 needs a value right after the colon");
  }

  @Test
  void an_empty_query_is_an_error() {
    assertThatThrownBy(() -> QuerySyntax.parse("   "))
        .isInstanceOf(BadInputException.class)
        .hasMessage("the query is empty");
  }
}
