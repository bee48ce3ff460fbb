package org.paperboy.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.NotFoundException;
import org.paperboy.search.Acronym;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "acronyms",
    description = "What the papers say acronyms stand for, with the number of papers per reading.")
final class AcronymsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(
      arity = "0..1",
      paramLabel = "TERM",
      description = "One acronym (e.g. MLLM); all when omitted.")
  String term;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Without TERM: how many, most defined first (default 50).")
  int limit = 50;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() {
    var search = main.app().search();
    List<Acronym> list =
        term == null
            ? search.acronyms().stream().limit(Math.max(0, limit)).toList()
            : List.of(
                search
                    .acronym(term)
                    .orElseThrow(
                        () ->
                            new NotFoundException("no paper defines the acronym '" + term + "'")));
    var out = main.spec.commandLine().getOut();
    for (Acronym a : list) {
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acronym", a.shortForm());
        m.put(
            "readings",
            a.readings().stream()
                .map(r -> Map.of("longForm", r.longForm(), "papers", r.papers()))
                .toList());
        out.println(Json.line(m));
      } else {
        out.println(a);
        if (term != null) {
          a.readings().forEach(r -> out.printf("  %s (%d)%n", r.longForm(), r.papers()));
        }
      }
    }
    return ExitCodes.OK;
  }
}
