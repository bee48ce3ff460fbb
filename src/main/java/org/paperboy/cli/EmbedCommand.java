package org.paperboy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "embed",
    description = {
      "Compute the vectors of papers that have none yet (after 'ingest --no-embed'),",
      "so semantic and hybrid search cover them. 'serve' does this in the background."
    })
final class EmbedCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    var search = main.app().search();
    var out = main.spec.commandLine().getOut();
    if (!search.embeds()) {
      out.println("embeddings are off (PAPERBOY_EMBEDDINGS=off); nothing to do");
      return ExitCodes.OK;
    }
    long n = Embedding.run(search, main.spec.commandLine().getErr());
    out.println("embedded " + n + " papers");
    return ExitCodes.OK;
  }
}
