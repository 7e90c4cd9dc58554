package org.tessel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.Objective;
import org.tessel.sched.Schedule;
import org.tessel.sched.ScheduleFile;
import org.tessel.sched.ScheduleReport;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.engine.SimulationException;
import org.tessel.sim.output.OutputPolicy;
import org.tessel.sim.output.RunFolder;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.report.Summary;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tessel schedule}: the layer-adaptive schedule of a network, its totals against every fixed
 * dataflow and greedy choice, and with {@code -p} the schedule file beside the reports of running
 * it.
 */
@Command(
    name = ScheduleCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Choose each layer's dataflow and tiling (every one that fits the buffers), minimising the"
          + " whole network's cycles, energy or EDP including reconfiguration.",
      "With -p DIR, write DIR/<run_name>/SCHEDULE.csv (replay it with simulate --schedule)"
          + " beside COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv, DETAILED_ACCESS_REPORT.csv and"
          + " SUMMARY.json of running it."
    })
final class ScheduleCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "schedule";

  @Spec CommandSpec spec;

  @Mixin NetworkOptions networkOptions;

  @Mixin HardwareOptions hardwareOptions;

  @Mixin ForceOption forceOption;

  @Option(
      names = "--objective",
      paramLabel = "cycles|energy|edp",
      defaultValue = "cycles",
      description = "What to minimise over the network (default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = "--dataflows",
      paramLabel = "LIST",
      split = ",",
      description = "Only these dataflows (e.g. os,ws); default: every one the hardware runs.")
  @Nullable List<String> dataflows;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description = "Inputs per run (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Threads evaluating layer shapes; the result is the same for any count"
              + " (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = {"-p", "--path"},
      paramLabel = "DIR",
      description = "Write DIR/<run_name>/ with SCHEDULE.csv and the reports.")
  @Nullable Path outDir;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the totals line.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (org.tessel.sim.config.ConfigException e) {
      throw networkOptions.locate(e);
    }
  }

  private Integer run() throws IOException {
    batch = Loads.batch(batch);
    Loads.threads(threads);
    Objective obj = Loads.objective("--objective", objective);
    HardwareSpec hardware =
        Loads.forSchedules(hardwareOptions.load(spec), spec.commandLine().getErr());
    List<Dataflow> chosen = Loads.dataflows("--dataflows", hardware, dataflows);
    Network network = networkOptions.load();
    Loads.report(spec, hardwareOptions.notes, networkOptions.notes);
    EvaluationCache cache = new EvaluationCache();
    NetworkScheduler scheduler =
        new NetworkScheduler(new LayerScheduler(hardware, obj, chosen, cache), threads);
    Schedule schedule = scheduler.schedule(network, batch);
    SimResult replay = schedule.replay().run(new Simulation(hardware), network, batch);
    if (replay.cycles() != schedule.cycles()) {
      throw new SimulationException(
          replay.cycles(),
          "replaying the schedule took "
              + replay.cycles()
              + " cycles, the schedule says "
              + schedule.cycles());
    }
    if (Math.abs(replay.energyPj() - schedule.energyPj()) > 1e-9 * schedule.energyPj()) {
      throw new SimulationException(
          replay.cycles(),
          "replaying the schedule took "
              + replay.energyPj()
              + " pJ, the schedule says "
              + schedule.energyPj());
    }
    if (outDir != null) {
      OutputPolicy policy = forceOption.policy(networkOptions.topology, hardwareOptions.file());
      try (RunFolder out = RunFolder.begin(outDir.resolve(hardware.name()), policy)) {
        Files.writeString(out.dir().resolve("SCHEDULE.csv"), ScheduleFile.csv(schedule));
        ScaleSimReports.write(replay, out.dir());
        Files.writeString(out.dir().resolve("SUMMARY.json"), Summary.json(replay));
        out.commit();
      }
    }
    var w = spec.commandLine().getOut();
    if (quiet) {
      w.printf(
          Locale.ROOT,
          "%s: %d cycles, %.4f ms, %.3f uJ, %d reconfigurations%n",
          network.name(),
          schedule.cycles(),
          schedule.latencyMs(),
          schedule.energyPj() / 1e6,
          schedule.reconfigurations());
    } else {
      w.print(ScheduleReport.table(schedule, cache));
    }
    if (outDir != null) {
      w.println("schedule: " + outDir.resolve(hardware.name()).resolve("SCHEDULE.csv"));
    }
    w.flush();
    return ExitCodes.OK;
  }
}
