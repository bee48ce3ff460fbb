package org.paperboy.rank;

import java.util.LinkedHashMap;
import java.util.Map;
import org.paperboy.paper.PaperJson;

/**
 * The JSON shape of a trending entry, shared by {@code paperboy trending --json} and {@code
 * /api/trending} so the two agree: id, title, score, local votes, then the whole paper.
 */
public final class TrendingJson {
  private TrendingJson() {}

  public static Map<String, Object> toMap(TrendingItem item) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", item.paper().id());
    m.put("title", item.paper().title());
    m.put("score", Math.round(item.score() * 1e6) / 1e6);
    m.put("votes", item.votes());
    m.put("paper", PaperJson.toMap(item.paper()));
    return m;
  }
}
