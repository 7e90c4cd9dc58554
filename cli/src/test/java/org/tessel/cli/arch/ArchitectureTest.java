package org.tessel.cli.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure as the architecture map in {@code docs/architecture.md} draws it: no
 * package cycle in any module, every simulator package above the packages it uses, modules in one
 * direction, and the scheduler and NAS using the simulator only through what it exports.
 */
class ArchitectureTest {
  /**
   * The simulator's packages bottom to top: a package may use only packages of a lower rank (and
   * its own). Equal ranks do not use each other.
   */
  static final Map<String, Integer> SIM_RANK =
      Map.ofEntries(
          Map.entry("org.tessel.sim.util", 0),
          Map.entry("org.tessel.sim.util.svg", 0),
          Map.entry("org.tessel.sim.engine", 0),
          Map.entry("org.tessel.sim.limits", 0),
          Map.entry("org.tessel.sim.config", 1),
          Map.entry("org.tessel.sim.workload", 2),
          Map.entry("org.tessel.sim.output", 2),
          Map.entry("org.tessel.sim.arch", 3),
          Map.entry("org.tessel.sim.stats", 4),
          Map.entry("org.tessel.sim.noc", 4),
          Map.entry("org.tessel.sim.trace", 4),
          Map.entry("org.tessel.sim.mapping", 5),
          Map.entry("org.tessel.sim.result", 5),
          Map.entry("org.tessel.sim.dataflow.systolic", 6),
          Map.entry("org.tessel.sim.dataflow.rs", 6),
          Map.entry("org.tessel.sim.layer", 6),
          Map.entry("org.tessel.sim.memory.scalesim", 6),
          Map.entry("org.tessel.sim.dataflow", 7),
          Map.entry("org.tessel.sim", 8),
          Map.entry("org.tessel.sim.io", 9),
          Map.entry("org.tessel.sim.report", 9));

  /** Module order: a module's packages may use only modules of a lower rank (and their own). */
  static final List<String> MODULES =
      List.of(
          "org.tessel.sim",
          "org.tessel.onnx",
          "org.tessel.sched",
          "org.tessel.nas",
          "org.tessel.validate",
          "org.tessel.cluster",
          "org.tessel.cli");

  /**
   * Simulator packages that only the simulator itself may use: how it runs (engine, runner,
   * network, memory models) is not the scheduler's business.
   */
  static final Set<String> SIM_INTERNAL =
      Set.of(
          "org.tessel.sim.engine",
          "org.tessel.sim.layer",
          "org.tessel.sim.noc",
          "org.tessel.sim.memory.scalesim",
          "org.tessel.sim.dataflow.systolic");

  /**
   * What the internal packages export: from row stationary the tiling value, the layer as it sees
   * it, and the estimator a mapping search prices tilings with; from the engine the exception that
   * stops a run at its limits (the CLI's exit code 4).
   */
  static final Set<String> EXPORTS =
      Set.of(
          "org.tessel.sim.dataflow.rs.RsMapping", "org.tessel.sim.dataflow.rs.RsShape",
          "org.tessel.sim.dataflow.rs.RsEstimator", "org.tessel.sim.engine.SimulationException");

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.tessel");
  }

  @Test
  void everyModuleIsThere() {
    Set<String> modules = new TreeSet<>();
    for (JavaClass c : classes) {
      modules.add(module(c.getPackageName()));
    }
    assertTrue(modules.containsAll(MODULES), "classes found in " + modules);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.tessel.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void simulatorPackagesUseOnlyLowerOnes() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : classes) {
      Integer from = SIM_RANK.get(c.getPackageName());
      if (!c.getPackageName().startsWith("org.tessel.sim")) {
        continue;
      }
      if (from == null) {
        bad.add(c.getName() + ": package " + c.getPackageName() + " has no rank in the map");
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = d.getTargetClass().getPackageName();
        if (!to.startsWith("org.tessel.") || to.equals(c.getPackageName())) {
          continue;
        }
        Integer rank = SIM_RANK.get(to);
        if (rank == null || rank >= from) {
          bad.add(c.getName() + " -> " + d.getTargetClass().getName());
        }
      }
    }
    assertEquals(List.of(), distinct(bad));
  }

  @Test
  void modulesInOneDirection() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : classes) {
      int from = MODULES.indexOf(module(c.getPackageName()));
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = d.getTargetClass().getPackageName();
        if (to.startsWith("org.tessel.") && MODULES.indexOf(module(to)) > from) {
          bad.add(c.getName() + " -> " + d.getTargetClass().getName());
        }
      }
    }
    assertEquals(List.of(), distinct(bad));
  }

  @Test
  void simulatorUsedOnlyThroughWhatItExports() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().startsWith("org.tessel.sim")) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        String to = target.getPackageName();
        boolean internal =
            (SIM_INTERNAL.contains(to) || to.equals("org.tessel.sim.dataflow.rs"))
                && !EXPORTS.contains(target.getName().replaceAll("\\$.*", ""));
        if (internal) {
          bad.add(c.getName() + " -> " + target.getName());
        }
      }
    }
    assertEquals(List.of(), distinct(bad));
  }

  private static String module(String pkg) {
    for (String m : MODULES) {
      if (pkg.equals(m) || pkg.startsWith(m + ".")) {
        return m;
      }
    }
    return pkg;
  }

  private static List<String> distinct(List<String> lines) {
    return new ArrayList<>(new TreeSet<>(lines));
  }
}
