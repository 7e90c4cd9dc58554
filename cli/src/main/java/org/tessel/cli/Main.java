package org.tessel.cli;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
  private static final String HELP = "help";

  /**
   * The subcommands with their names, in the order help lists them. The names are the commands' own
   * constants (their {@code @Command} reads them too): reading the annotations here cost 28 ms of a
   * 0.3 s call, the annotation parser's first use.
   */
  private static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS =
      List.of(
          Map.entry(SimulateCommand.NAME, SimulateCommand.class),
          Map.entry(ScheduleCommand.NAME, ScheduleCommand.class),
          Map.entry(ProfileCommand.NAME, ProfileCommand.class),
          Map.entry(ConvertCommand.NAME, ConvertCommand.class),
          Map.entry(SearchCommand.NAME, SearchCommand.class),
          Map.entry(WorkerCommand.NAME, WorkerCommand.class),
          Map.entry(MergeCommand.NAME, MergeCommand.class),
          Map.entry(ValidateCommand.NAME, ValidateCommand.class),
          Map.entry(BenchCommand.NAME, BenchCommand.class),
          Map.entry(HELP, HelpCommand.class));

  /** The subcommands' names and classes, in the order help lists them (for tests). */
  static List<Map.Entry<String, Class<?>>> subcommands() {
    return SUBCOMMANDS;
  }

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
  static CommandLine commandLine(@Nullable String only) {
    boolean known = false;
    for (Map.Entry<String, Class<?>> c : SUBCOMMANDS) {
      known |= !c.getKey().equals(HELP) && c.getKey().equals(only); // help lists all of them
    }
    CommandLine cl = new CommandLine(new Main());
    for (Map.Entry<String, Class<?>> c : SUBCOMMANDS) {
      if (!known || c.getKey().equals(only)) {
        cl.addSubcommand(c.getValue());
      }
    }
    // after the subcommands: these settings reach the subcommands present when they are made
    return cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setExitCodeExceptionMapper(new ExitCodes());
  }
}
