package org.paperboy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stats",
    description = "How many papers the store holds, by source, and their date range.")
final class StatsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--json", description = "Print the numbers as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    var stats = main.app().papers().stats();
    var out = main.spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("papers", stats.papers());
      m.put("bySource", new TreeMap<>(stats.bySource()));
      m.put("oldest", stats.oldest() == null ? null : stats.oldest().toString());
      m.put("newest", stats.newest() == null ? null : stats.newest().toString());
      m.put("dataDir", main.app().config().dataDir().toAbsolutePath().toString());
      out.println(Json.line(m));
    } else {
      out.printf("papers: %,d%n", stats.papers());
      new TreeMap<>(stats.bySource()).forEach((k, v) -> out.printf("  from %s: %,d%n", k, v));
      if (stats.oldest() != null)
        out.printf("published: %s .. %s%n", stats.oldest(), stats.newest());
      out.printf("data dir: %s%n", main.app().config().dataDir().toAbsolutePath());
    }
    return ExitCodes.OK;
  }
}
