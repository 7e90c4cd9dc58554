package org.tessel.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.objective.AccuracyTable;
import org.tessel.nas.objective.Constraint;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.report.ParetoSvg;
import org.tessel.nas.search.SearchSettings;
import org.tessel.nas.search.StrategyKind;
import org.tessel.nas.space.FixedSpace;
import org.tessel.nas.space.SearchSpace;
import org.tessel.nas.space.Spaces;
import org.tessel.onnx.OnnxImport;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.workload.Network;

/**
 * What the options of {@code tessel search} describe, checked: each mistake is one line naming the
 * option (or the file, line and field) and exit code 3.
 */
record SearchSetup(
    SearchSpace space,
    HardwareSpec hardware,
    ScheduleEvaluator evaluator,
    List<String> dataflowNames,
    Scoring scoring,
    @Nullable AccuracyTable table,
    @Nullable AccuracyTable reference,
    SearchSettings settings,
    Metric xAxis,
    Metric yAxis,
    List<ParetoSvg.Mark> marks) {

  /** The setup of {@code c}'s options. */
  static SearchSetup of(SearchCommand c) {
    if (c.budget < 1) {
      throw new ConfigException("--budget", 0, "", "must be > 0, was " + c.budget);
    }
    int threads = c.threads != null ? c.threads : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new ConfigException("--threads", 0, "", "must be > 0, was " + threads);
    }
    Loads.batch(c.batch);
    if (c.top < 0) {
      throw new ConfigException("--top", 0, "", "must be >= 0, was " + c.top);
    }
    if (!List.of("none", "front", "all").contains(c.schedules)) {
      throw new ConfigException(
          "--schedules", 0, "", "expected none, front or all, was '" + c.schedules + "'");
    }
    if (c.noCache && c.cache != null) {
      throw new ConfigException("--cache", 0, "", "give --cache or --no-cache, not both");
    }
    Objective obj = Loads.objective("--schedule-objective", c.scheduleObjective);
    SearchSpace space;
    if (OnnxImport.isOnnx(Path.of(c.space))) {
      Network n = c.onnx.read(Path.of(c.space), c.spec.commandLine().getErr()).network();
      space = new FixedSpace(n.name(), n);
    } else {
      space = Spaces.of(c.space);
    }
    List<Metric> objectives = new ArrayList<>();
    List<String> names =
        c.objectives != null
            ? c.objectives
            : c.accuracy != null ? List.of("accuracy", "latency") : List.of("latency");
    for (String n : names) {
      Metric m = arg("--objectives", () -> Metric.parse(n));
      if (objectives.contains(m)) {
        throw new ConfigException("--objectives", 0, "", m.key() + " is listed twice");
      }
      objectives.add(m);
    }
    List<Constraint> limits = new ArrayList<>();
    for (String t : c.constraints) {
      limits.add(arg("--constraint", () -> Constraint.parse(t)));
    }
    Scoring scoring = new Scoring(objectives, limits);
    if (scoring.needsAccuracy() && c.accuracy == null) {
      throw new ConfigException(
          "--objectives", 0, "", "accuracy needs an accuracy table" + " (--accuracy FILE)");
    }
    if (c.compare != null && c.accuracy == null) {
      throw new ConfigException(
          "--compare", 0, "", "needs the table to read it from" + " (--accuracy FILE)");
    }
    String strategy = c.strategy;
    StrategyKind kind =
        strategy != null
            ? arg("--strategy", () -> StrategyKind.parse(strategy))
            : space.size() == 1
                ? StrategyKind.EXHAUSTIVE
                : objectives.size() > 1 ? StrategyKind.NSGA2 : StrategyKind.EVOLUTION;
    if (kind == StrategyKind.EXHAUSTIVE && !space.enumerable()) {
      throw new ConfigException(
          "--strategy",
          0,
          "",
          "space "
              + space.name()
              + " is too large"
              + " for an exhaustive search; use random, evolution or nsga2");
    }
    SearchSettings settings =
        arg(
            "--population",
            () ->
                new SearchSettings(
                    kind,
                    c.budget,
                    duration(c.timeLimit),
                    c.seed,
                    threads,
                    c.population,
                    c.sample,
                    16));
    HardwareSpec hardware = c.hardwareOptions.load(c.spec);
    Loads.report(c.spec, c.hardwareOptions.notes);
    List<Dataflow> chosen = Loads.dataflows("--dataflows", hardware, c.dataflows);
    ScheduleEvaluator evaluator = new ScheduleEvaluator(hardware, obj, chosen, c.batch);
    Path accuracyFile = c.accuracy;
    AccuracyTable table =
        accuracyFile == null ? null : AccuracyTable.read(accuracyFile, space, c.accuracyColumn);
    AccuracyTable reference = // --compare without --accuracy is refused above
        c.compare == null || accuracyFile == null
            ? null
            : AccuracyTable.read(accuracyFile, space, c.compare);
    Metric x =
        objectives.stream().filter(m -> m != Metric.ACCURACY).findFirst().orElse(Metric.LATENCY);
    Metric y =
        table != null
            ? Metric.ACCURACY
            : objectives.stream().filter(m -> m != x).findFirst().orElse(Metric.MACS);
    List<ParetoSvg.Mark> marks = new ArrayList<>();
    for (String m : c.marks) {
      int eq = m.lastIndexOf('=');
      String arch = eq > 0 ? m.substring(0, eq) : m;
      arg("--mark", () -> space.parseArch(arch));
      marks.add(new ParetoSvg.Mark(eq > 0 ? m.substring(eq + 1) : arch, arch));
    }
    List<String> dfNames = new ArrayList<>();
    chosen.forEach(d -> dfNames.add(d.shortName()));
    return new SearchSetup(
        space, hardware, evaluator, dfNames, scoring, table, reference, settings, x, y, marks);
  }

  private static <T> T arg(String option, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(option, 0, "", ConfigException.messageOf(e));
    }
  }

  static Duration duration(@Nullable String text) {
    if (text == null) {
      return Duration.ZERO;
    }
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ConfigException(
          "--time-limit",
          0,
          "",
          "expected a positive duration such as" + " 90s, 10m or 2h, was '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
