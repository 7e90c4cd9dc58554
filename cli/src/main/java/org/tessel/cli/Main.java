package org.tessel.cli;

import java.util.Arrays;
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
    name = Main.ROOT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cycle-exact, event-driven DNN accelerator simulator.")
public final class Main implements Runnable {
  static final String ROOT = "tessel";

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
   * The option types picocli need not convert: no option is a java.time or java.sql type, and
   * registering their converters loads and initialises those classes (MonthDay alone builds a date
   * formatter). Picocli matches each name against this regular expression, which is written as
   * alternatives of whole names: a wildcard or a character class would make the JDK link its
   * regular expressions' lambdas, which costs more than the classes.
   */
  static final String NOT_CONVERTED =
      "java\\.time\\.(Duration|Instant|LocalDate|LocalDateTime|LocalTime|MonthDay|OffsetDateTime"
          + "|OffsetTime|Period|Year|YearMonth|ZoneId|ZoneOffset|ZonedDateTime)"
          + "|java\\.sql\\.(Connection|Driver|DriverManager|Time|Timestamp)";

  /**
   * Runs the command line and exits with its code. When the first argument names a subcommand other
   * than {@code help}, only that subcommand's model is built (picocli reflects over every option of
   * every command it holds, which is a good part of a short run's start-up); it parses, helps and
   * fails exactly as in the full command line.
   */
  public static void main(String[] args) {
    // no Groovy here: spares picocli's look-up of groovy.lang.Closure through the 31 MB jar
    System.setProperty("picocli.disable.closures", "true");
    System.setProperty("picocli.converters.excludes", NOT_CONVERTED);
    Class<?> only = args.length > 0 ? subcommand(args[0]) : null;
    System.exit(
        only != null
            ? alone(only, args[0]).execute(Arrays.copyOfRange(args, 1, args.length))
            : commandLine(null).execute(args));
  }

  /** The subcommand class named {@code name}, or null for help and anything else. */
  private static @Nullable Class<?> subcommand(String name) {
    for (Map.Entry<String, Class<?>> c : SUBCOMMANDS) {
      if (!c.getKey().equals(HELP) && c.getKey().equals(name)) {
        return c.getValue();
      }
    }
    return null;
  }

  /**
   * Subcommand {@code type} as a command line of its own, named {@code tessel <name>}: it parses,
   * helps, fails and reports versions as it does below the root command (tests compare them), and
   * spares the root command's model, which picocli builds by reflection (a tenth of a short run).
   */
  static CommandLine alone(Class<?> type, String name) {
    CommandLine cl = new CommandLine(type);
    cl.setCommandName(ROOT + " " + name);
    cl.getCommandSpec().versionProvider(new VersionProvider());
    return settings(cl);
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
    boolean known = only != null && subcommand(only) != null; // help lists all of them
    CommandLine cl = new CommandLine(new Main());
    for (Map.Entry<String, Class<?>> c : SUBCOMMANDS) {
      if (!known || c.getKey().equals(only)) {
        cl.addSubcommand(c.getValue());
      }
    }
    // tessel simulate --version: the subcommands report the version too (they printed nothing)
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(new VersionProvider());
    }
    // after the subcommands: these settings reach the subcommands present when they are made
    return settings(cl);
  }

  private static CommandLine settings(CommandLine cl) {
    return cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setExitCodeExceptionMapper(new ExitCodes());
  }
}
