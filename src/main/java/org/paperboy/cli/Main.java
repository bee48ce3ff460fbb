package org.paperboy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.paperboy.app.Config;
import org.paperboy.app.JvmSettings;
import org.paperboy.app.Paperboy;
import org.paperboy.app.Setting;
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
      ConfigCommand.class,
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
public final class Main extends CommandGroup {
  private final Map<String, String> env;
  private final Map<Setting, String> flags = new EnumMap<>(Setting.class);
  private Path configFile;
  private Config config;
  private Paperboy app;

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
    flags.put(Setting.DATA_DIR, dir.toString());
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "A paperboy.toml to read (default: paperboy.toml in the data dir, if any).")
  void setConfigFile(Path file) {
    this.configFile = file;
  }

  /**
   * Sets a setting from a subcommand's flag (e.g. serve's {@code --port}); call before {@link
   * #config()}.
   */
  void flag(Setting setting, Object value) {
    if (config != null) throw new IllegalStateException("the configuration is already read");
    if (value != null) flags.put(setting, value.toString());
  }

  /** The configuration, read on first call: defaults, config file, environment, flags. */
  Config config() {
    if (config == null) config = Config.read(env, configFile, flags);
    return config;
  }

  /**
   * The application for the chosen data dir, opened on first call and closed when the command ends.
   */
  public Paperboy app() {
    if (app == null) app = Paperboy.open(config(), Clock.systemUTC());
    return app;
  }

  public static void main(String[] args) {
    JvmSettings.apply();
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
    ExitCodes.install(cli, Config.debug(env));
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
