package org.paperboy.cli;

import java.io.PrintWriter;
import org.paperboy.BadInputException;
import org.paperboy.NotFoundException;
import org.paperboy.PaperboyException;
import picocli.CommandLine;

/**
 * The one place that maps failures to exit codes: 0 success, 1 the work failed, 2 bad usage or bad
 * input. Errors are one line on stderr; a stack trace only with PAPERBOY_DEBUG set.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;

  private ExitCodes() {}

  static int of(Throwable e) {
    if (e instanceof BadInputException || e instanceof NotFoundException) return BAD_INPUT;
    return FAILED;
  }

  static void install(CommandLine cli, boolean debug) {
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("paperboy: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("paperboy: " + message(ex));
          if (debug) ex.printStackTrace(err);
          return of(ex);
        });
  }

  /** The one line a failure is told in. */
  static String message(Throwable e) {
    String said = e instanceof PaperboyException ? e.getMessage() : internal(e);
    // The first failure is often the cause of a later one ("this IndexWriter is closed" because
    // the disk was full): name it, or the one line hides what to do.
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String why = root == e ? null : root.getMessage();
    if (why == null || why.isBlank() || (said != null && said.contains(why))) return said;
    return said + " (because: " + why.strip() + ")";
  }

  private static String internal(Throwable e) {
    String m = e.getMessage();
    return "internal error: "
        + e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m)
        + " (set PAPERBOY_DEBUG=1 for the stack trace)";
  }
}
