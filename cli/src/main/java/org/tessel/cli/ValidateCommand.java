package org.tessel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tessel.sim.report.AtomicDirectory;
import org.tessel.sim.validate.Validation;
import org.tessel.sim.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tessel validate}: every reference suite, one table, exit 5 when a case fails. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Run the reference suites (SCALE-Sim v2 reports, Eyeriss JSSC 2017 measurements) and print"
          + " per case: reference source and value, Tessel's value, error, tolerance, pass/fail.",
      "Exit code 5 when any case is outside its tolerance, 3 when the data is missing."
    })
final class ValidateCommand implements Callable<Integer> {
  /** The suites {@code --suite} accepts. */
  enum SuiteName { scalesim, eyeriss, all }

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/validation",
      description = "Validation data directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--suite", paramLabel = "scalesim|eyeriss|all", defaultValue = "all",
      description = "Which suite to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SuiteName suite;

  @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
      description = "Repository root, for traces/networks (default: the current directory).")
  Path root;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the table and a bar chart of |error| / tolerance as HTML.")
  Path html;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ValidationReport report = Validation.run(suite.name(), data, root, line -> {
      err.println(line);
      err.flush();
    });
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    out.flush();
    if (html != null) {
      AtomicDirectory.writeFile(html, report.html());
      err.println("validate: wrote " + html);
      err.flush();
    }
    return report.passed() ? ExitCodes.OK : ExitCodes.VALIDATION;
  }
}
