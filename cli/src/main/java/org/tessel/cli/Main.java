package org.tessel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code tessel} command. */
@Command(
    name = "tessel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cycle-exact, event-driven DNN accelerator simulator.",
    subcommands = {SimulateCommand.class, ScheduleCommand.class, ProfileCommand.class,
        SearchCommand.class, WorkerCommand.class, MergeCommand.class, ValidateCommand.class,
        BenchCommand.class, HelpCommand.class})
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setExitCodeExceptionMapper(new ExitCodes());
  }
}
