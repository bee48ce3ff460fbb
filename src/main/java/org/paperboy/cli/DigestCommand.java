package org.paperboy.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.paperboy.BadInputException;
import org.paperboy.digest.RunReport;
import org.paperboy.mail.MailChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "digest",
    description = "The daily email digest.",
    subcommands = DigestCommand.Run.class)
final class DigestCommand extends CommandGroup {
  @ParentCommand Main main;

  @Command(
      name = "run",
      description =
          "Plan, render and send the digests that are due (for cron; serve does this every minute).")
  static final class Run implements Callable<Integer> {
    @ParentCommand DigestCommand parent;

    @Option(
        names = "--date",
        paramLabel = "YYYY-MM-DD",
        description = "Plan for this local date, whatever the send times.")
    String date;

    @Option(names = "--dry-run", description = "Show what would be sent; write and send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      LocalDate d = null;
      if (date != null) {
        try {
          d = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
          throw new BadInputException("--date must be YYYY-MM-DD, was '" + date + "'");
        }
      }
      var app = parent.main.app();
      if (!dryRun && app.config().web().baseUrl() == null) {
        // serve learns its address from its port; a command does not, and every link it mails
        // would lead to this machine's localhost.
        throw new BadInputException(
            "set web.base_url (PAPERBOY_BASE_URL) to the address readers open before 'digest run'"
                + " sends mail: without it every link would point to "
                + app.config().digest().baseUrl()
                + " (--dry-run works without it)");
      }
      var out = parent.spec.commandLine().getOut();
      var err = parent.spec.commandLine().getErr();
      for (String p : MailChecks.problems(app.config().mail(), app.config().digest().baseUrl()))
        err.println("paperboy: warning: " + p);
      RunReport r = app.digests().run(d, dryRun);
      r.lines().forEach(out::println);
      out.println((dryRun ? "dry run: " : "") + r.summary());
      return r.failed() > 0 && r.sent() == 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }
}
