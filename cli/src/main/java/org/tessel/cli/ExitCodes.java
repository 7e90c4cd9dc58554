package org.tessel.cli;

import org.tessel.sim.config.ConfigException;
import org.tessel.sim.engine.SimulationException;
import picocli.CommandLine;

/**
 * Exit codes: 0 ok, 1 unexpected, 2 usage, 3 bad input file or value, 4 simulation invariant, 5 a
 * validation case outside its tolerance.
 */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int USAGE = 2;
  static final int CONFIG = 3;
  static final int SIMULATION = 4;
  static final int VALIDATION = 5;

  @Override
  public int getExitCode(Throwable t) {
    if (t instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (t instanceof ConfigException) {
      return CONFIG;
    }
    if (t instanceof SimulationException) {
      return SIMULATION;
    }
    return UNEXPECTED;
  }
}
