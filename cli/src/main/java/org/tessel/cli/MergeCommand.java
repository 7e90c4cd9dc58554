package org.tessel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tessel merge profile|search OPTIONS}: joins the shards that {@code --shard K/N} runs wrote
 * under {@code -p DIR} into exactly the files the unsharded command writes, computing nothing; the
 * options are the unsharded command's.
 */
@Command(
    name = MergeCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Join the slices of a sharded sweep or search (--shard K/N, e.g. a SLURM job array) into"
          + " exactly what the unsharded run writes. Give the same options as the shards, without"
          + " --shard: tessel merge profile -t net.yaml --sweep ... -p DIR."
    },
    subcommands = {MergeCommand.Profile.class, MergeCommand.Search.class})
final class MergeCommand implements Runnable {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "merge";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code tessel merge profile}: the sweep's options. */
  @Command(
      name = "profile",
      mixinStandardHelpOptions = true,
      description = "Join shards/PROFILE.K-of-N.csv into PROFILE.csv and the plots.")
  static final class Profile extends ProfileCommand {
    Profile() {
      merge = true;
    }
  }

  /** {@code tessel merge search}: the search's options. */
  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Answer the search from shards/evaluations.K-of-N.log and write its files.")
  static final class Search extends SearchCommand {
    Search() {
      merge = true;
    }
  }
}
