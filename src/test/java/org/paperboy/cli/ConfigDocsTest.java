package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperboy.app.Setting;

/**
 * The settings tables in the README and docs/configuration.md are the code's table ({@link
 * Setting}), so they cannot drift: a setting added, renamed or given a new default fails this test
 * until the docs say so (its message is the table to paste).
 */
class ConfigDocsTest {
  static final String BEGIN =
      "<!-- settings:begin (generated from Setting; ConfigDocsTest checks it) -->";
  static final String END = "<!-- settings:end -->";

  /** The Markdown table of every setting, one row each. */
  static String table() {
    StringBuilder b = new StringBuilder();
    b.append("| file key | environment variable | flag | default | meaning |\n");
    b.append("|---|---|---|---|---|\n");
    for (Setting s : Setting.values()) {
      b.append("| ")
          .append(s.key() == null ? "—" : "`" + s.key() + "`")
          .append(" | `")
          .append(s.env())
          .append("` | ")
          .append(s.flag() == null ? "" : "`" + s.flag() + "`")
          .append(" | ")
          .append(s.shownDefault())
          .append(" | ")
          .append(s.meaning())
          .append(" |\n");
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/configuration.md"})
  void the_settings_table_is_the_codes(String file) throws IOException {
    String text = Files.readString(Path.of(file));
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as(file + " has the settings table markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String documented = text.substring(begin + BEGIN.length(), end).strip() + "\n";
    assertThat(documented).as(file + "'s settings table").isEqualTo(table());
  }
}
