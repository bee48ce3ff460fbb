package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Paper;

/**
 * Alerts are saved searches: their field syntax must mean on the day's papers what it means in
 * search.
 */
class CandidateIndexTest {
  private final CandidateIndex index =
      new CandidateIndex(
          List.of(
              paper("2401.00001", "Vision transformers at scale", "Ada Lovelace", "cs.CV", 2024),
              paper("2401.00002", "Language models that reason", "Alan Turing", "cs.CL", 2023),
              paper("2401.00003", "Vision language models", "Alan Turing", "cs.CV", 2025)));

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private static Paper paper(String id, String title, String author, String cat, int year) {
    return Paper.builder()
        .id(id)
        .version(1)
        .title(title)
        .abstractText("An abstract about " + title.toLowerCase() + ".")
        .authors(List.of(author))
        .categories(List.of(cat))
        .published(LocalDate.of(year, 3, 1))
        .addSource("test")
        .build();
  }

  private List<String> ids(String alert) {
    return index.search(alert, 10, word -> null).stream()
        .map(CandidateIndex.Hit::id)
        .sorted()
        .toList();
  }

  @Test
  void author_title_category_and_year_restrict_as_in_search() {
    assertThat(ids("author:Turing")).containsExactly("2401.00002", "2401.00003");
    assertThat(ids("vision author:turing")).containsExactly("2401.00003");
    assertThat(ids("title:language")).containsExactly("2401.00002", "2401.00003");
    assertThat(ids("cat:cs.CL")).containsExactly("2401.00002");
    assertThat(ids("models year:2024..2025")).containsExactly("2401.00003");
    assertThat(ids("vision year:2024")).containsExactly("2401.00001");
  }

  @Test
  void a_minus_excludes_a_field_match_too() {
    assertThat(ids("models -cat:cs.CL")).containsExactly("2401.00003");
    assertThat(ids("vision -author:lovelace")).containsExactly("2401.00003");
  }

  @Test
  void an_unknown_prefix_searches_the_word_after_it() {
    assertThat(ids("topic:vision")).containsExactly("2401.00001", "2401.00003");
  }

  @Test
  void an_alert_saved_before_its_syntax_was_checked_is_read_as_it_was_then() {
    assertThat(ids("\"vision -cat:cs.CV")).isEmpty();
    assertThat(ids("\"vision -author:lovelace")).containsExactly("2401.00003");
  }
}
