package org.tessel.cluster;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a process joins a cluster.
 *
 * @param name the cluster's name, as the user gives it
 * @param secret the shared secret every member must hold (never sent in clear: the cluster name
 *     Hazelcast compares on join is derived from it)
 * @param bind the address to listen on and talk from (loopback by default)
 * @param port the first port to try (the next ones are tried when it is taken)
 * @param members the other members' {@code host} or {@code host:port}, for the TCP/IP join
 * @param threads batches this member runs at once
 * @param fingerprint the digest of this process's code; members must all have the same
 * @param role {@code coordinator}, {@code worker} or {@code control}
 */
public record ClusterSettings(
    String name,
    String secret,
    String bind,
    int port,
    List<String> members,
    int threads,
    String fingerprint,
    String role) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Validates. */
  public ClusterSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(role, "role");
    members = List.copyOf(members);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "cluster name: expected 1-64 letters, digits, '.', '_'" + " or '-', was '" + name + "'");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a cluster needs a shared secret");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: expected 1-65535, was " + port);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be > 0, was " + threads);
    }
  }

  /** The same settings with another role. */
  public ClusterSettings withRole(String r) {
    return new ClusterSettings(name, secret, bind, port, members, threads, fingerprint, r);
  }

  /** Hides the secret. */
  @Override
  public String toString() {
    return "ClusterSettings["
        + name
        + ", "
        + bind
        + ":"
        + port
        + ", members "
        + members
        + ", "
        + threads
        + " threads, "
        + role
        + "]";
  }
}
