package org.paperboy.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "config",
    description =
        "Print the effective configuration: each setting, its value (secrets masked) and where it"
            + " came from (default, config file and line, env, flag).")
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--json", description = "One JSON object: key -> {value, from, env}.")
  boolean json;

  @Override
  public Integer call() {
    Config config = main.config();
    PrintWriter out = main.spec.commandLine().getOut();
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      for (Config.Entry e : config.entries()) {
        all.put(
            e.setting().key(),
            Map.of("value", e.value(), "from", e.origin(), "env", e.setting().env()));
      }
      out.println(Json.line(all));
      return ExitCodes.OK;
    }
    int width = 0;
    for (Config.Entry e : config.entries()) width = Math.max(width, e.setting().key().length());
    for (Config.Entry e : config.entries()) {
      out.printf("%-" + width + "s = %s  (%s)%n", e.setting().key(), e.value(), e.origin());
    }
    return ExitCodes.OK;
  }
}
