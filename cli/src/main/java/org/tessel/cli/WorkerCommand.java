package org.tessel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tessel.sim.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tessel worker}: joins a cluster and runs the batches coordinators send, until told to stop
 * ({@code tessel worker --stop}, or a signal). A worker whose code differs from a coordinator's
 * leaves with a message saying so.
 */
@Command(
    name = WorkerCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Join the cluster NAME and compute what `tessel profile|search --cluster NAME` sends, until"
          + " told to stop (--stop from anywhere in the cluster, or Ctrl-C / SIGTERM). Every"
          + " member must run the same tessel.jar and hold the same secret. See docs/cluster.md."
    })
final class WorkerCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "worker";

  @Spec CommandSpec spec;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Batches run at once (default: the processors, here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--stop", description = "Tell every worker of the cluster to stop, then leave.")
  boolean stop;

  @Override
  public Integer call() throws InterruptedException {
    if (clusterOptions.cluster == null) {
      throw new ConfigException("--cluster", 0, "", "a worker needs the cluster's NAME");
    }
    Loads.threads(threads);
    PrintWriter err = spec.commandLine().getErr();
    if (stop) {
      ClusterRun.stopWorkers(clusterOptions, err);
      return ExitCodes.OK;
    }
    String refused = ClusterRun.serve(clusterOptions, threads, err);
    if (refused != null) {
      throw new ConfigException("--cluster", 0, "", refused);
    }
    err.println("worker: stopped");
    err.flush();
    return ExitCodes.OK;
  }
}
