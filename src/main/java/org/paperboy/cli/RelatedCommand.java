package org.paperboy.cli;

import java.util.concurrent.Callable;
import org.paperboy.paper.ArxivId;
import org.paperboy.search.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "related",
    description = "The papers nearest to one paper (by meaning when embeddings are on).")
final class RelatedCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "ID", description = "arXiv id (any version or URL form) or paperboy id.")
  String id;

  @Option(names = "--limit", paramLabel = "N", description = "How many papers (default 10).")
  int limit = 10;

  @Option(names = "--json", description = "One JSON object per line: id, title, score, ...")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000)
      throw new org.paperboy.BadInputException("--limit must be between 1 and 1000");
    String key = ArxivId.looksLikeOne(id) ? ArxivId.parse(id).value() : id.strip();
    var out = main.spec.commandLine().getOut();
    int rank = 0;
    for (SearchHit h : main.app().search().related(key, limit)) {
      if (json) out.println(Json.line(SearchCommand.toMap(h)));
      else out.print(HitText.render(++rank, h));
    }
    return ExitCodes.OK;
  }
}
