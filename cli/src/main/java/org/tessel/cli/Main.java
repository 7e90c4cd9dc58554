package org.tessel.cli;

import java.util.List;
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
    description = "Cycle-exact, event-driven DNN accelerator simulator.")
public final class Main implements Runnable {
  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          SimulateCommand.class,
          ScheduleCommand.class,
          ProfileCommand.class,
          ConvertCommand.class,
          SearchCommand.class,
          WorkerCommand.class,
          MergeCommand.class,
          ValidateCommand.class,
          BenchCommand.class,
          HelpCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Runs the command line and exits with its code. When the first argument names a subcommand other
   * than {@code help}, only that subcommand's model is built (picocli reflects over every option of
   * every command it holds, which is a good part of a short run's start-up); it parses, helps and
   * fails exactly as in the full command line.
   */
  public static void main(String[] args) {
    // no Groovy here: spares picocli's look-up of groovy.lang.Closure through the 31 MB jar
    System.setProperty("picocli.disable.closures", "true");
    System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line with every subcommand, or only the one named {@code only} if it is one (other
   * than {@code help}, which lists them all).
   */
  static CommandLine commandLine(String only) {
    boolean known = false;
    for (Class<?> c : SUBCOMMANDS) {
      known |= c != HelpCommand.class && name(c).equals(only); // help lists all of them
    }
    CommandLine cl = new CommandLine(new Main());
    for (Class<?> c : SUBCOMMANDS) {
      if (!known || name(c).equals(only)) {
        cl.addSubcommand(c);
      }
    }
    // after the subcommands: these settings reach the subcommands present when they are made
    return cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setExitCodeExceptionMapper(new ExitCodes());
  }

  private static String name(Class<?> c) {
    return c.getAnnotation(Command.class).name();
  }
}
