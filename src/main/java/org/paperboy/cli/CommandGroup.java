package org.paperboy.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code paperboy}, {@code paperboy digest}, {@code
 * paperboy subscribers}): run on its own it prints its usage to stderr. Picocli fills {@link #spec}
 * in subclasses too.
 */
abstract class CommandGroup implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
