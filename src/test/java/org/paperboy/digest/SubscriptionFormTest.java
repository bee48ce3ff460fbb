package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.BadInputException;

class SubscriptionFormTest {
  static SubscriptionForm form(String email, List<String> alerts, String time, String zone) {
    return SubscriptionForm.parse(email, alerts, true, time, zone, null);
  }

  @Test
  void normalises_the_address_and_the_alerts_and_fills_the_defaults() {
    SubscriptionForm f =
        form(
            "  Ada.Lovelace+papers@Example.ORG ",
            List.of(" visual  token reduction ", "", "visual token reduction"),
            null,
            null);

    assertThat(f.email()).isEqualTo("ada.lovelace+papers@example.org");
    assertThat(f.alerts()).containsExactly("visual token reduction");
    assertThat(f.sendTime()).isEqualTo(LocalTime.of(7, 0));
    assertThat(f.zone().getId()).isEqualTo("UTC");
    assertThat(f.maxPapers()).isEqualTo(20);
  }

  @Test
  void rejects_what_is_not_an_address() {
    for (String bad :
        List.of(
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a da@example.org",
            "ada@@example.org",
            "ada@exa..org")) {
      assertThatThrownBy(() -> form(bad, List.of(), null, null))
          .isInstanceOf(BadInputException.class);
    }
    assertThatThrownBy(() -> form("ada@", List.of(), null, null))
        .hasMessage("'ada@' is not an email address");
  }

  @Test
  void rejects_line_breaks_in_anything_that_reaches_a_header() {
    assertThatThrownBy(() -> form("ada@example.org\r\nBcc: all@example.org", List.of(), null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("one line");
    assertThatThrownBy(
            () -> form("ada@example.org", List.of("llm\nBcc: x@example.org"), null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("alert 'llm\\nBcc: x@example.org' must be one line");
    assertThatThrownBy(() -> form("ada@example.org", List.of(), null, "UTC\r\nX: y"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("one line");
  }

  @Test
  void more_than_twenty_alerts_is_a_clear_message() {
    List<String> alerts = new ArrayList<>();
    for (int i = 0; i < 21; i++) alerts.add("topic " + i);

    assertThatThrownBy(() -> form("ada@example.org", alerts, null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessage("at most 20 alerts per subscription, got 21; remove some");
    assertThat(form("ada@example.org", alerts.subList(0, 20), null, null).alerts()).hasSize(20);
  }

  @Test
  void an_alert_is_a_search_and_bad_search_syntax_is_refused_naming_the_alert_and_the_place() {
    assertThatThrownBy(() -> form("ada@example.org", List.of("\"visual tokens"), null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessage("alert '\"visual tokens': the quote at position 1 is never closed");
    assertThatThrownBy(() -> form("ada@example.org", List.of("llm year:soon"), null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("alert 'llm year:soon': 'year:soon' at position 5");
    assertThatThrownBy(() -> form("ada@example.org", List.of("title: agents"), null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("needs a value right after the colon");
    assertThatThrownBy(() -> form("ada@example.org", List.of("x year:2025..2023"), null, null))
        .hasMessageContaining("the range runs backwards");

    List<String> good =
        List.of("\"visual tokens\" -cat:cs.CL", "author:turing year:2023..2025", "C++ topic:llm");
    assertThat(form("ada@example.org", good, null, null).alerts()).isEqualTo(good);
  }

  @Test
  void rejects_unknown_zones_bad_times_and_silly_sizes() {
    assertThatThrownBy(() -> form("ada@example.org", List.of(), null, "Mars/Olympus"))
        .hasMessageContaining("unknown time zone 'Mars/Olympus'");
    assertThatThrownBy(() -> form("ada@example.org", List.of(), "25:00", null))
        .hasMessageContaining("send time must be HH:MM");
    assertThatThrownBy(
            () -> SubscriptionForm.parse("ada@example.org", List.of(), true, null, null, 0))
        .hasMessageContaining("from 1 to 100");
  }

  @Test
  void the_send_time_is_exactly_hh_mm() {
    for (String bad : List.of("23:59:59", "7:5", "24:00", "07:60", "0700", "07:00:00.5")) {
      assertThatThrownBy(() -> form("ada@example.org", List.of(), bad, null))
          .isInstanceOf(BadInputException.class)
          .hasMessage("send time must be HH:MM (24-hour), was '" + bad + "'");
    }
    assertThat(form("ada@example.org", List.of(), "00:00", null).sendTime())
        .isEqualTo(LocalTime.MIDNIGHT);
    assertThat(form("ada@example.org", List.of(), " 23:59 ", null).sendTime())
        .isEqualTo(LocalTime.of(23, 59));
  }
}
