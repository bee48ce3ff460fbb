package org.paperboy.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paperboy.search.EvalCache;
import org.paperboy.search.Evaluation;
import org.paperboy.search.RunFiles;
import org.paperboy.search.SearchMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    description = {
      "Measure search quality on a BEIR-layout folder (corpus.jsonl, queries.jsonl, qrels/test.tsv).",
      "Uses a temporary index, never the data dir. Prints: ndcg@10=X recall@100=Y queries=N"
    })
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "DIR", description = "The collection folder.")
  Path dir;

  @Option(
      names = "--mode",
      paramLabel = "M",
      description = "hybrid (default), lexical or semantic.")
  String mode = "hybrid";

  @Option(
      names = "--split",
      paramLabel = "S",
      description = "The judgments to score against: qrels/S.tsv (default test; tune on train).")
  String split = "test";

  @Option(
      names = "--per-query",
      paramLabel = "FILE",
      description = "Also write one line per query: qid, ndcg@10, recall@100 (tab-separated).")
  Path perQuery;

  @Option(
      names = "--run",
      paramLabel = "FILE",
      description = "Also write the ranking as a TREC run file (qid Q0 docid rank score paperboy).")
  Path run;

  @Override
  public Integer call() {
    SearchMode m = SearchMode.parse(mode);
    Evaluation.Result r;
    if (m.usesVectors()) {
      try (var embedder = EvalCache.open(main.config().search().evalCache())) {
        r = Evaluation.run(dir, split, m, embedder);
      }
    } else {
      r = Evaluation.run(dir, split, m, null);
    }
    if (perQuery != null) RunFiles.writePerQuery(perQuery, r.perQuery());
    if (run != null) RunFiles.writeRun(run, r.perQuery());
    main.spec.commandLine().getOut().println(r.line());
    return ExitCodes.OK;
  }
}
