package org.paperboy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code paperboy} command line. Subcommands get the wired application from {@link #app()},
 * which opens it on first use, so {@code paperboy --help} touches no database.
 */
@Command(
    name = "paperboy",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A self-hosted research-paper feed: ingest, search, trending, daily digests.",
    subcommands = {
      ServeCommand.class,
      IngestCommand.class,
      EmbedCommand.class,
      PapersCommand.class,
      StatsCommand.class,
      TrendingCommand.class,
      SearchCommand.class,
      RelatedCommand.class,
      ReindexCommand.class,
      AcronymsCommand.class,
      EvalCommand.class,
      SubscribersCommand.class,
      DigestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private final Map<String, String> env;
  private Path dataDir;
  private Paperboy app;
  CommandLine.Model.CommandSpec spec;

  Main(Map<String, String> env) {
    this.env = env;
  }

  @Option(
      names = "--data",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "Where the database, index and outbox live (env PAPERBOY_DATA, default ./data).")
  void setDataDir(Path dir) {
    this.dataDir = dir;
  }

  @CommandLine.Spec
  void setSpec(CommandLine.Model.CommandSpec spec) {
    this.spec = spec;
  }

  /**
   * The application for the chosen data dir, opened on first call and closed when the command ends.
   */
  public Paperboy app() {
    if (app == null) app = Paperboy.open(Config.from(dataDir, env));
    return app;
  }

  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns its exit code; tests call this in-process. */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    Main main = new Main(env);
    CommandLine cli = new CommandLine(main);
    cli.setOut(out).setErr(err);
    ExitCodes.install(cli, env.containsKey("PAPERBOY_DEBUG"));
    try {
      return cli.execute(args);
    } finally {
      if (main.app != null) {
        main.app.close();
      }
      out.flush();
      err.flush();
    }
  }
}
