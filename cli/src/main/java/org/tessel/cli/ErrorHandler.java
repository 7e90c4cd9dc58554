package org.tessel.cli;

import org.tessel.sim.config.ConfigException;
import org.tessel.sim.engine.SimulationException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns a user's mistake into one line on stderr ("tessel: file:line: field: message") and an exit
 * code; only a genuine bug prints a stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (ex instanceof CommandLine.ParameterException) {
      cmd.getErr()
          .println("tessel: " + ex.getMessage() + " (see '" + cmd.getCommandName() + " --help')");
      cmd.getErr().flush();
      return ExitCodes.USAGE;
    }
    if (ex instanceof ConfigException || ex instanceof SimulationException) {
      cmd.getErr().println("tessel: " + ex.getMessage());
      cmd.getErr().flush();
      return new ExitCodes().getExitCode(ex);
    }
    if (ex instanceof java.nio.file.NoSuchFileException
        || ex instanceof java.nio.file.AccessDeniedException
        || ex instanceof java.nio.file.FileSystemException) {
      cmd.getErr().println("tessel: cannot write " + ex.getMessage());
      cmd.getErr().flush();
      return ExitCodes.CONFIG;
    }
    cmd.getErr().println("tessel: internal error (please report): " + ex);
    ex.printStackTrace(cmd.getErr());
    cmd.getErr().flush();
    return ExitCodes.UNEXPECTED;
  }
}
