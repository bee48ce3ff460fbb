package org.paperboy.cli;

import java.util.concurrent.Callable;
import org.paperboy.NotFoundException;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "papers",
    description = "Look at stored papers.",
    subcommands = {PapersCommand.Show.class})
final class PapersCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    main.spec.subcommands().get("papers").usage(main.spec.commandLine().getErr());
  }

  @Command(
      name = "show",
      description = "Show one paper by arXiv id (any version or URL form) or paperboy id.")
  static final class Show implements Callable<Integer> {
    @ParentCommand PapersCommand parent;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "Print the paper as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      Main main = parent.main;
      String key = ArxivId.looksLikeOne(id) ? ArxivId.parse(id).value() : id.strip();
      Paper p =
          main.app()
              .papers()
              .find(key)
              .orElseThrow(
                  () -> new NotFoundException("no paper with id '" + id + "' in the store"));
      var out = main.spec.commandLine().getOut();
      if (json) {
        out.println(Json.line(PaperJson.toMap(p)));
      } else {
        out.println(PaperText.render(p));
      }
      return ExitCodes.OK;
    }
  }
}
