package org.tessel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;
import picocli.CommandLine.Option;

/**
 * How a command joins a cluster: {@code --cluster}, {@code --members}, {@code --bind}, {@code
 * --port}, {@code --secret-file} (or {@code TESSEL_CLUSTER_SECRET}). Without {@code --cluster},
 * nothing of the cluster is started or even loaded.
 */
final class ClusterOptions {
  /** The environment variable that may hold the shared secret. */
  static final String SECRET_ENV = "TESSEL_CLUSTER_SECRET";

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description =
          "Run on the cluster NAME (embedded Hazelcast; see docs/cluster.md): this"
              + " process coordinates and works, `tessel worker` processes join it.")
  @Nullable String cluster;

  @Option(
      names = "--members",
      paramLabel = "HOST[:PORT],...",
      split = ",",
      description = "The other members to join over TCP/IP (no multicast).")
  List<String> members = new ArrayList<>();

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "The interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "5701",
      description =
          "The first port to try; the next free one is taken (default:" + " ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description =
          "The cluster's shared secret (first line); default: the environment"
              + " variable "
              + SECRET_ENV
              + ".")
  @Nullable Path secretFile;

  /** Whether a cluster was asked for. */
  boolean on() {
    return cluster != null;
  }

  /**
   * The shared secret.
   *
   * @throws ConfigException when none is given or the file cannot be read
   */
  String secret() {
    if (secretFile != null) {
      try {
        String s =
            Files.readString(secretFile, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        if (s.isEmpty()) {
          throw new ConfigException(
              secretFile.toString(), 1, "", "empty: expected the" + " cluster's shared secret");
        }
        return s;
      } catch (IOException e) {
        throw new ConfigException(secretFile.toString(), 0, "", "cannot read: " + e);
      }
    }
    String env = System.getenv(SECRET_ENV);
    if (env == null || env.isBlank()) {
      throw new ConfigException(
          "--cluster",
          0,
          "",
          "a cluster needs a shared secret: set "
              + SECRET_ENV
              + " or give --secret-file FILE (the same on every member)");
    }
    return env.strip();
  }

  /** Checks the options that do not need the cluster (before anything is written). */
  void check() {
    if (cluster == null) { // not on()
      if (!members.isEmpty()) {
        throw new ConfigException("--members", 0, "", "needs --cluster NAME");
      }
      return;
    }
    if (port < 1 || port > 65535) {
      throw new ConfigException("--port", 0, "", "expected 1-65535, was " + port);
    }
    if (!cluster.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new ConfigException(
          "--cluster",
          0,
          "",
          "expected 1-64 letters, digits, '.', '_'" + " or '-', was '" + cluster + "'");
    }
    for (String m : members) {
      if (!m.matches("[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?")) {
        throw new ConfigException(
            "--members", 0, "", "expected HOST or HOST:PORT, was '" + m + "'");
      }
    }
    secret();
  }
}
