package org.tessel.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/** Cluster members for tests: loopback, a free port each, a fast join. */
final class Members {
  static final String FP = "f".repeat(64);

  private Members() {}

  /** A free port on loopback (the member may still move up if someone takes it first). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static ClusterSettings settings(
      String name, String secret, int port, List<Integer> others, String fingerprint, String role) {
    return new ClusterSettings(
        name,
        secret,
        "127.0.0.1",
        port,
        others.stream().map(p -> "127.0.0.1:" + p).toList(),
        1,
        fingerprint,
        role);
  }

  /** Waits until {@code node}'s cluster has {@code n} members (at most 20 s). */
  static void awaitSize(ClusterNode node, int n) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (node.members().size() < n && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }
}
