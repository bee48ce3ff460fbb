package org.paperboy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.IngestReport;
import org.paperboy.ingest.formats.Format;
import org.paperboy.ingest.live.LiveSource;
import org.paperboy.ingest.live.LiveSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ingest",
    description = {
      "Ingest feed files (any supported format, auto-detected; .gz ok) or live sources:",
      "  api:QUERY  arXiv API search, e.g. 'api:cat:cs.CL AND ti:llm'",
      "  oai:SET    incremental arXiv OAI-PMH harvest of a set, e.g. oai:cs",
      "  rss:CAT[+CAT...]  arXiv RSS, e.g. rss:cs.AI+cs.CL",
      "  hf:YYYY-MM-DD     Hugging Face daily papers of that day",
      "Prints 'added N, updated M, unchanged U, rejected R' and, on stderr, where and why records"
          + " were rejected."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Feed files or live sources.")
  List<String> sources;

  @Option(
      names = "--format",
      paramLabel = "F",
      description = "Skip detection: arxiv-atom, oai-pmh, arxiv-rss, hf-daily, kaggle or listing.")
  String format;

  @Option(
      names = "--no-embed",
      description =
          "Store and index for keyword search only; compute vectors later ('paperboy embed' or 'serve').")
  boolean noEmbed;

  @Override
  public Integer call() {
    Format forced = format == null ? null : Format.byName(format);
    var out = main.spec.commandLine().getOut();
    var err = main.spec.commandLine().getErr();
    IngestReport total = IngestReport.EMPTY;
    int code = ExitCodes.OK;
    for (String source : sources) {
      IngestReport report;
      try (ProgressBar bar = ProgressBar.forTerminal(err, source)) {
        report =
            isLive(source)
                ? ingestLive(source, bar)
                : main.app().ingest().ingestFile(Path.of(source), forced, bar);
      } catch (PaperboyException e) {
        // One bad source must not cost the others: say why in one line, go on, fail at the end.
        if (sources.size() == 1) throw e;
        err.println("paperboy: " + source + ": " + ExitCodes.message(e));
        code = Math.max(code, ExitCodes.of(e));
        continue;
      }
      if (sources.size() > 1) err.println(source + ": " + report.summary());
      total = total.plus(report);
    }
    out.println(total.summary());
    if (!noEmbed && total.added() + total.updated() > 0) {
      Embedding.run(main.app().search(), err);
    }
    for (String reject : total.rejects()) {
      err.println("rejected " + reject);
    }
    if (total.rejected() > total.rejects().size()) {
      err.println("... and " + (total.rejected() - total.rejects().size()) + " more rejected");
    }
    return code;
  }

  /** A live spec, unless a file of that very name exists. */
  private static boolean isLive(String source) {
    return LiveSources.isLive(source) && !Files.exists(Path.of(source));
  }

  private IngestReport ingestLive(String spec, ProgressBar bar) {
    var app = main.app();
    LiveSource source = LiveSources.parse(spec, app.config().live(), app.state());
    IngestReport report =
        app.ingest().run(source.name(), source::fetch, n -> bar.update(n, -1, -1));
    source.completed();
    return report;
  }
}
