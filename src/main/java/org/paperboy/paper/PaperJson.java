package org.paperboy.paper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of a paper, shared by {@code paperboy papers show --json} and the JSON API so the
 * two never drift apart. Dates are YYYY-MM-DD; unknown values are null, never omitted: a paper
 * known only from Hugging Face has no known version (arXiv's start at 1; {@link Paper} keeps 0) and
 * no known categories (every arXiv paper has one), so both are null there, not 0 and [].
 */
public final class PaperJson {
  private PaperJson() {}

  public static Map<String, Object> toMap(Paper p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("version", p.version() == 0 ? null : p.version());
    m.put("title", p.title());
    m.put("abstract", p.abstractText());
    m.put("authors", p.authors());
    m.put("categories", p.categories().isEmpty() ? null : p.categories());
    m.put("published", date(p.published()));
    m.put("updated", date(p.updated()));
    m.put("doi", p.doi());
    m.put("journalRef", p.journalRef());
    m.put("comments", p.comments());
    m.put("license", p.license());
    m.put("absUrl", p.links().abs());
    m.put("pdfUrl", p.links().pdf());
    m.put("projectUrl", p.links().project());
    m.put("githubRepo", p.links().code());
    m.put("githubStars", p.signals().githubStars());
    m.put("hfUpvotes", p.signals().hfUpvotes());
    m.put("aiKeywords", p.signals().aiKeywords());
    m.put("sources", p.sources());
    m.put("firstSeen", p.firstSeen() == null ? null : p.firstSeen().toString());
    return m;
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
