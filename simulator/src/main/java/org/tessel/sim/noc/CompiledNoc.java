package org.tessel.sim.noc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.tessel.sim.engine.SimulationException;

/**
 * A network frozen for the run: link widths, latencies and multicast flags in primitive arrays,
 * and routes (link-id arrays) computed once with a breadth-first search over the graph. Routes
 * are fewest-hops paths that never pass through a buffer or its ports; ties break by the graph's
 * insertion order, so they are deterministic.
 */
public final class CompiledNoc {
  private final Graph<NocNode, NocLink> graph;
  private final int[] widthWords;
  private final int[] latency;
  private final boolean[] multicast;
  private final String[] label;
  private final Map<NocNode, Map<NocNode, int[]>> routes = new HashMap<>();

  /** Compiles {@code graph}; link ids must be 0..n-1. */
  public CompiledNoc(Graph<NocNode, NocLink> graph) {
    this.graph = graph;
    int n = graph.edgeSet().size();
    widthWords = new int[n];
    latency = new int[n];
    multicast = new boolean[n];
    label = new String[n];
    for (NocLink l : graph.edgeSet()) {
      if (l.id() >= n || label[l.id()] != null) {
        throw new IllegalArgumentException("link ids must be unique and in [0, " + n + ")");
      }
      widthWords[l.id()] = l.wordsPerCycle();
      latency[l.id()] = l.latencyCycles();
      multicast[l.id()] = l.multicast();
      label[l.id()] = l.label();
    }
  }

  /** Number of links. */
  public int links() {
    return widthWords.length;
  }

  /** Words per cycle of link {@code id}. */
  public int widthWords(int id) {
    return widthWords[id];
  }

  /** Latency of link {@code id}. */
  public int latency(int id) {
    return latency[id];
  }

  /** Whether link {@code id} multicasts. */
  public boolean multicast(int id) {
    return multicast[id];
  }

  /** Readable name of link {@code id}. */
  public String label(int id) {
    return label[id];
  }

  /**
   * The route from {@code from} to {@code to} as link ids, computed on first use (at plan time,
   * never in the event loop).
   *
   * @throws SimulationException when no route exists
   */
  public int[] route(NocNode from, NocNode to) {
    return routes.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(to, k -> {
      if (!graph.containsVertex(from) || !graph.containsVertex(to)) {
        throw new SimulationException(0, "no node " + (graph.containsVertex(from) ? to : from)
            + " in the network");
      }
      List<NocLink> edges = shortestPath(from, to);
      if (edges == null) {
        throw new SimulationException(0, "no route from " + from + " to " + to);
      }
      int[] ids = new int[edges.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = edges.get(i).id();
      }
      return ids;
    });
  }

  /** The route through {@code waypoints} in order: the fewest-hops path between each pair. */
  public int[] route(NocNode... waypoints) {
    if (waypoints.length < 2) {
      throw new IllegalArgumentException("a route needs at least two nodes");
    }
    int[][] parts = new int[waypoints.length - 1][];
    int n = 0;
    for (int i = 0; i + 1 < waypoints.length; i++) {
      parts[i] = route(waypoints[i], waypoints[i + 1]);
      n += parts[i].length;
    }
    int[] out = new int[n];
    int at = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /**
   * Fewest-hops path that does not pass through a buffer or one of its ports (they are sources
   * and sinks, not routers); edges are tried in insertion order, so ties break the same way on
   * every run.
   */
  private List<NocLink> shortestPath(NocNode from, NocNode to) {
    Map<NocNode, NocLink> via = new HashMap<>();
    java.util.ArrayDeque<NocNode> queue = new java.util.ArrayDeque<>();
    java.util.Set<NocNode> seen = new java.util.HashSet<>();
    queue.add(from);
    seen.add(from);
    while (!queue.isEmpty()) {
      NocNode u = queue.poll();
      if (u.equals(to)) {
        List<NocLink> path = new java.util.ArrayList<>();
        for (NocNode v = to; !v.equals(from); v = graph.getEdgeSource(via.get(v))) {
          path.add(via.get(v));
        }
        java.util.Collections.reverse(path);
        return path;
      }
      if (!u.equals(from) && isEndpointOnly(u)) {
        continue;
      }
      for (NocLink e : graph.outgoingEdgesOf(u)) {
        NocNode v = graph.getEdgeTarget(e);
        if (seen.add(v)) {
          via.put(v, e);
          queue.add(v);
        }
      }
    }
    return null;
  }

  /** The buffer is a source and a sink; its ports are reachable only through it. */
  private static boolean isEndpointOnly(NocNode n) {
    return n.kind() == NocNode.Kind.GLB;
  }

  /** Sum of the latencies along a route. */
  public long latency(int[] route) {
    long sum = 0;
    for (int id : route) {
      sum += latency[id];
    }
    return sum;
  }
}
