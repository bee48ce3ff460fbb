package org.paperboy.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.NotFoundException;
import org.paperboy.digest.Subscription;
import org.paperboy.digest.SubscriptionForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "subscribers",
    description = "Manage digest subscribers (admin).",
    subcommands = {
      SubscribersCommand.Add.class,
      SubscribersCommand.ListAll.class,
      SubscribersCommand.Remove.class
    })
final class SubscribersCommand extends CommandGroup {
  @ParentCommand Main main;

  @Command(
      name = "add",
      description =
          "Subscribe EMAIL, or change its settings. Without --confirmed a confirmation link is mailed first.")
  static final class Add implements Callable<Integer> {
    @ParentCommand SubscribersCommand parent;

    @Parameters(paramLabel = "EMAIL")
    String email;

    @Option(
        names = "--alert",
        paramLabel = "QUERY",
        description = "A saved search (repeatable, at most 20).")
    List<String> alerts = new ArrayList<>();

    @Option(
        names = "--trending",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Include the trending papers (default; --no-trending leaves them out).")
    boolean trending;

    @Option(
        names = "--time",
        paramLabel = "HH:MM",
        description = "Local send time (default 07:00).")
    String time;

    @Option(
        names = "--zone",
        paramLabel = "ZONE",
        description = "Time zone, e.g. Europe/Berlin (default UTC).")
    String zone;

    @Option(names = "--max", paramLabel = "N", description = "Most papers per email (default 20).")
    Integer max;

    @Option(names = "--confirmed", description = "Active at once, without a confirmation mail.")
    boolean confirmed;

    @Override
    public Integer call() {
      SubscriptionForm form = SubscriptionForm.parse(email, alerts, trending, time, zone, max);
      Subscription s = parent.main.app().digests().subscribe(form, confirmed);
      var out = parent.spec.commandLine().getOut();
      out.println(
          s.email()
              + ": "
              + s.status().name().toLowerCase()
              + (s.status() == Subscription.Status.PENDING ? " (confirmation link mailed)" : ""));
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", description = "Every subscriber with their settings.")
  static final class ListAll implements Callable<Integer> {
    @ParentCommand SubscribersCommand parent;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
      var out = parent.spec.commandLine().getOut();
      List<Subscription> all = parent.main.app().digests().subscriptions();
      for (Subscription s : all) {
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("email", s.email());
          m.put("status", s.status().name().toLowerCase());
          m.put("alerts", s.alerts());
          m.put("trending", s.trending());
          m.put("time", s.sendTime().toString());
          m.put("zone", s.zone().getId());
          m.put("max", s.maxPapers());
          out.println(Json.line(m));
        } else {
          out.printf(
              "%s  %s  %s %s  max %d  trending %s  alerts: %s%n",
              s.email(),
              s.status().name().toLowerCase(),
              s.sendTime(),
              s.zone().getId(),
              s.maxPapers(),
              s.trending() ? "yes" : "no",
              s.alerts().isEmpty() ? "-" : String.join(" | ", s.alerts()));
        }
      }
      if (!json && all.isEmpty()) out.println("no subscribers yet");
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Unsubscribe EMAIL and forget what was sent to it.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand SubscribersCommand parent;

    @Parameters(paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
      if (!parent.main.app().digests().remove(email))
        throw new NotFoundException("no subscriber '" + email.strip() + "'");
      parent.spec.commandLine().getOut().println("removed " + email.strip().toLowerCase());
      return ExitCodes.OK;
    }
  }
}
