package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Lighthouse, axe and the Nu validator flagged on every page (issue 14, "Pages"): headings
 * that skip a level, and no {@code <meta name="description">}.
 */
class PageOutlineTest {
  @RegisterExtension static final Site site = Site.withSample();
  static final Site.Client client = site.client();
  private static final Pattern HEADING = Pattern.compile("<h([1-6])[ >]");
  private static final Pattern DESCRIPTION =
      Pattern.compile("<meta name=\"description\" content=\"([^\"]{20,})\">");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/papers?date=2016-05-26",
        "/papers/week/2016-W21",
        "/papers/month/2016-05",
        "/trending?window=month",
        "/search?q=language",
        "/papers/1605.08386",
        "/subscribe",
        "/login"
      })
  void headings_go_down_one_level_at_a_time_and_each_page_has_a_description(String path) {
    String body = client.get(path).body();
    List<Integer> levels = new ArrayList<>();
    Matcher m = HEADING.matcher(body);
    while (m.find()) levels.add(Integer.parseInt(m.group(1)));
    assertThat(levels).as(path).isNotEmpty().startsWith(1);
    for (int i = 1; i < levels.size(); i++)
      assertThat(levels.get(i))
          .as(path + " headings " + levels)
          .isLessThanOrEqualTo(levels.get(i - 1) + 1);
    Matcher d = DESCRIPTION.matcher(body);
    assertThat(d.find()).as(path).isTrue();
  }
}
