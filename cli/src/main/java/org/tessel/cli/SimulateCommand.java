package org.tessel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tessel.sched.ScheduleFile;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.output.OutputFile;
import org.tessel.sim.output.OutputPolicy;
import org.tessel.sim.output.RunFolder;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.report.Summary;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.trace.ChromeTrace;
import org.tessel.sim.trace.HtmlTimeline;
import org.tessel.sim.trace.TraceRecorder;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tessel simulate}: one network on one piece of hardware, per-layer cycles out. */
@Command(
    name = SimulateCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a network cycle-exactly and print per-layer cycles.",
      "With -p DIR, also write DIR/<run_name>/ with SCALE-Sim's COMPUTE_REPORT.csv,"
          + " BANDWIDTH_REPORT.csv, DETAILED_ACCESS_REPORT.csv and Tessel's SUMMARY.json."
    })
final class SimulateCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "simulate";

  @Spec CommandSpec spec;

  @Mixin NetworkOptions networkOptions;

  @Mixin HardwareOptions hardwareOptions;

  @Mixin ForceOption forceOption;

  @Option(
      names = "--dataflow",
      paramLabel = "os|ws|is|rs",
      description = "Override the hardware's dataflow: output, weight, input or row stationary.")
  @Nullable String dataflow;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description = "Inputs per run (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads simulating layers of SCALE-Sim's memory model at once; the result is the same"
              + " for any count (default: the machine's processors).")
  Integer threads;

  @Option(
      names = "--schedule",
      paramLabel = "SCHEDULE.csv",
      description =
          "Run each layer with the dataflow and tiling a schedule file gives it"
              + " (written by tessel schedule).")
  @Nullable Path scheduleFile;

  @Option(
      names = {"-p", "--path"},
      paramLabel = "DIR",
      description = "Write report files to DIR/<run_name>/.")
  @Nullable Path outDir;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the totals line.")
  boolean quiet;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "Write a timeline (Chrome trace-event JSON) for Perfetto or chrome://tracing.")
  @Nullable Path traceFile;

  @Option(
      names = "--timeline",
      paramLabel = "FILE.html",
      description = "Write the timeline as a self-contained HTML page (SVG), viewable offline.")
  @Nullable Path timelineFile;

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (ConfigException e) {
      throw networkOptions.locate(e);
    }
  }

  private Integer run() throws IOException {
    batch = Loads.batch(batch);
    OutputPolicy policy =
        forceOption.policy(networkOptions.topology, hardwareOptions.file(), scheduleFile);
    checkOutputs(policy);
    HardwareSpec hardware = hardwareOptions.load(spec);
    if (dataflow != null && scheduleFile != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give either --dataflow or --schedule, not both");
    }
    if (dataflow != null) {
      hardware =
          hardware.withDataflow(
              DataflowKind.find(dataflow)
                  .orElseThrow(
                      () ->
                          new ConfigException(
                              "--dataflow",
                              0,
                              "",
                              "expected " + Dataflows.names() + ", was '" + dataflow + "'")));
    }
    Network network = networkOptions.load();
    if (scheduleFile != null) {
      hardware = Loads.forSchedules(hardware, spec.commandLine().getErr());
    }
    Loads.report(spec, hardwareOptions.notes, networkOptions.notes);
    TraceRecorder recorder = traceFile == null && timelineFile == null ? null : new TraceRecorder();
    Simulation simulation =
        new Simulation(hardware, recorder)
            .layerThreads(
                threads == null
                    ? Runtime.getRuntime().availableProcessors()
                    : Loads.threads(threads));
    SimResult result =
        scheduleFile == null
            ? simulation.simulate(network, batch)
            : ScheduleFile.read(scheduleFile, network, hardware, batch)
                .run(simulation, network, batch);
    if (scheduleFile != null) {
      ScheduleFile.verify(scheduleFile, result);
    }
    // the run folder first: its checks (files Tessel did not write) refuse before anything
    // is written
    if (outDir != null) {
      try (RunFolder out = RunFolder.begin(outDir.resolve(hardware.name()), policy)) {
        ScaleSimReports.write(result, out.dir());
        java.nio.file.Files.writeString(out.dir().resolve("SUMMARY.json"), Summary.json(result));
        out.commit();
      }
    }
    String title = network.name() + " on " + hardware.name();
    if (traceFile != null && recorder != null) { // a recorder exactly when a file is asked
      OutputFile.write(traceFile, ChromeTrace.json(recorder, hardware.clockMHz(), title), policy);
    }
    if (timelineFile != null && recorder != null) {
      OutputFile.write(
          timelineFile, HtmlTimeline.html(recorder, hardware.clockMHz(), title), policy);
    }

    var w = spec.commandLine().getOut();
    if (quiet) {
      w.printf(
          java.util.Locale.ROOT,
          "%s: %d cycles, %d stall, %.4f ms%n",
          network.name(),
          result.cycles(),
          result.stallCycles(),
          result.latencyMs());
    } else {
      w.print(Summary.table(result));
      Path config = hardwareOptions.config;
      if (config != null
          && (config.toString().endsWith(".cfg") || ScaleSimConfigReader.looksLikeIni(config))) {
        w.println(
            "note: cycles are durations; SCALE-Sim's Total Cycles (COMPUTE_REPORT.csv) are"
                + " one less per layer");
      }
    }
    if (outDir != null) {
      w.println("reports: " + outDir.resolve(hardware.name()));
    }
    if (traceFile != null) {
      w.println("trace: " + traceFile + " (open in ui.perfetto.dev or chrome://tracing)");
    }
    if (timelineFile != null) {
      w.println("timeline: " + timelineFile);
    }
    w.flush();
    return ExitCodes.OK;
  }

  /** Refuses output paths the policy refuses before anything runs. */
  private void checkOutputs(OutputPolicy policy) {
    if (traceFile != null) {
      policy.check(traceFile);
    }
    if (timelineFile != null) {
      policy.check(timelineFile);
      if (traceFile != null
          && traceFile
              .toAbsolutePath()
              .normalize()
              .equals(timelineFile.toAbsolutePath().normalize())) {
        throw new ConfigException(
            timelineFile.toString(), 0, "", "--trace and --timeline name" + " the same file");
      }
    }
  }
}
