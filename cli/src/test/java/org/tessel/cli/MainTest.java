package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@link Main#main} builds only the subcommand its first argument names (unless it is {@code
 * help}); that command line helps, refuses bad input and reports versions exactly as the full one
 * does.
 */
final class MainTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "simulate",
        "schedule",
        "profile",
        "convert",
        "search",
        "worker",
        "merge",
        "validate",
        "bench"
      })
  void oneSubcommand_behavesAsTheFullCommandLine(String name) {
    CommandLine only = Main.commandLine(name);
    assertEquals(List.of(name), List.copyOf(only.getSubcommands().keySet()));
    for (List<String> args :
        List.of(
            List.of(name, "--help"),
            List.of(name, "--bogus"),
            List.of(name, "-t"),
            List.of(name, "--version"))) {
      String[] a = args.toArray(new String[0]);
      String full = run(Main.commandLine(), a);
      assertEquals(full, run(Main.commandLine(name), a), args.toString());
      // what main runs: the subcommand alone, given the arguments after its name
      Class<?> type = Main.commandLine().getSubcommands().get(name).getCommand().getClass();
      assertEquals(
          full,
          run(Main.alone(type, name), args.subList(1, args.size()).toArray(new String[0])),
          "alone: " + args);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulat", "--help", "-V", "help"})
  void anythingElse_getsEverySubcommand(String first) {
    assertEquals(10, Main.commandLine(first).getSubcommands().size()); // 9 commands and help
    String full = run(Main.commandLine(), first);
    assertEquals(full, run(Main.commandLine(first), first));
    assertTrue(full.length() > 20, full);
  }

  private static String run(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return "exit=" + code + "\nout=" + out + "\nerr=" + err;
  }
}
