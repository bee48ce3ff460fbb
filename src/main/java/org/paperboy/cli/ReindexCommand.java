package org.paperboy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "reindex",
    description =
        "Rebuild the search index and the acronym lexicon from the store (cached embeddings are reused).")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    long n = main.app().search().reindex();
    main.spec
        .commandLine()
        .getOut()
        .printf("indexed %,d papers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    return ExitCodes.OK;
  }
}
