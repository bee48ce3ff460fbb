package org.paperboy.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.BadInputException;
import org.paperboy.search.Acronym;
import org.paperboy.search.SearchHit;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;
import org.paperboy.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "search",
    description = {
      "Search the papers. Syntax: words, \"phrases\", -exclude, title:, author:, cat:cs.CL,"
          + " year:2024, year:2023..2025."
    })
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "The query (words are joined by spaces).")
  List<String> words;

  @Option(
      names = "--mode",
      paramLabel = "M",
      description = "hybrid (default), lexical or semantic.")
  String mode = "hybrid";

  @Option(names = "--limit", paramLabel = "N", description = "How many results (default 10).")
  int limit = 10;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Published on or after (YYYY-MM-DD).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before (YYYY-MM-DD).")
  String to;

  @Option(names = "--json", description = "One JSON object per line: id, title, score, ...")
  boolean json;

  @Override
  public Integer call() {
    SearchRequest request =
        new SearchRequest(
            String.join(" ", words),
            SearchMode.parse(mode),
            limit,
            date("--from", from),
            date("--to", to),
            List.of());
    SearchResult result = main.app().search().search(request);
    var out = main.spec.commandLine().getOut();
    var err = main.spec.commandLine().getErr();
    for (Acronym a : result.ambiguous()) {
      err.println("note: " + a + " — spell it out to choose");
    }
    if (result.mode() != request.mode()) {
      err.println(
          "note: "
              + request.mode()
              + " search needs embeddings, which are off; used "
              + result.mode());
    }
    int rank = 0;
    for (SearchHit h : result.hits()) {
      if (json) out.println(Json.line(toMap(h)));
      else out.print(HitText.render(++rank, h));
    }
    if (!json && result.hits().isEmpty()) err.println("no results");
    return ExitCodes.OK;
  }

  static Map<String, Object> toMap(SearchHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("title", h.title());
    m.put("score", h.score());
    m.put("published", h.published() == null ? null : h.published().toString());
    m.put("authors", h.authors());
    m.put("categories", h.categories());
    m.put("snippet", h.snippet());
    m.put("pinned", h.pinned());
    return m;
  }

  private static LocalDate date(String option, String value) {
    if (value == null) return null;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadInputException(option + " must be a date like 2024-05-31, was '" + value + "'");
    }
  }
}
