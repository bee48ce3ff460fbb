package org.paperboy.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.paperboy.rank.Trending;
import org.paperboy.rank.TrendingItem;
import org.paperboy.rank.TrendingJson;
import org.paperboy.rank.TrendingService;
import org.paperboy.rank.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "trending",
    description =
        "The trending papers: local upvotes, Hugging Face upvotes and GitHub stars with time decay"
            + " (the list of the web page /trending).")
final class TrendingCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--window",
      paramLabel = "day|week|month",
      description = "How far back to look (default day).")
  String window;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "How many papers (default 50, at most 500).")
  int limit = 50;

  @Option(
      names = "--json",
      description = "One JSON object per line: id, title, score, votes, paper.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1 || limit > TrendingService.MAX_LIMIT) {
      throw new org.paperboy.BadInputException(
          "--limit must be from 1 to " + TrendingService.MAX_LIMIT + ", was " + limit);
    }
    Trending t = main.app().trending().trending(Window.parse(window), limit);
    var out = main.spec.commandLine().getOut();
    if (!json) out.printf("Trending (%s, papers up to %s):%n", t.window(), t.feedDay());
    int rank = 0;
    for (TrendingItem i : t.items()) {
      rank++;
      if (json) {
        out.println(Json.line(TrendingJson.toMap(i)));
      } else {
        out.printf(
            Locale.ROOT,
            "%3d. %8.2f  %-16s %s%n",
            rank,
            i.score(),
            i.paper().id(),
            i.paper().title());
      }
    }
    if (!json && t.items().isEmpty())
      out.println("  nothing yet: no paper in this window has upvotes or stars");
    return ExitCodes.OK;
  }
}
