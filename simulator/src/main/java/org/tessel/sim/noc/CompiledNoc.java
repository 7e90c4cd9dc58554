package org.tessel.sim.noc;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.engine.SimulationException;

/**
 * A network frozen for the run: link widths, latencies and multicast flags in primitive arrays, the
 * graph's adjacency as int arrays (vertices numbered once), and routes (link-id arrays) computed on
 * demand with a breadth-first search over those arrays. Routes are fewest-hops paths that never
 * pass through a buffer; ties break by the graph's insertion order of each vertex's outgoing links,
 * so they are deterministic. A route to a neighbour is a table look-up (the first link between the
 * two), so routes that follow the structure of a preset topology (buffer to bus to PE, one direct
 * link at a time) cost O(1) each, whatever the array's size; a search touches only the vertices
 * nearer than its target. Nothing is hashed by node object after compilation except the two
 * endpoints of a query.
 */
public final class CompiledNoc {
  private final int[] widthWords;
  private final int[] latency;
  private final boolean[] multicast;
  private final String[] label;
  private final NocNode[] vertex;
  private final Object2IntOpenHashMap<NocNode> vertexIndex;

  /** Outgoing links of vertex {@code v}: {@code outLink[firstOut[v] .. firstOut[v + 1])}. */
  private final int[] firstOut;

  private final int[] outLink;
  private final int[] linkSource;
  private final int[] linkTarget;
  private final boolean[] endpointOnly;

  /** The first link (in insertion order) from vertex {@code a} to {@code b}, keyed {@code a, b}. */
  private final Long2IntOpenHashMap direct = new Long2IntOpenHashMap();

  private final Long2ObjectOpenHashMap<int[]> routes = new Long2ObjectOpenHashMap<>();
  private final Map<Class<?>, Object> derived = new HashMap<>();
  // breadth-first search state, reused: a vertex is seen in this search when seen[v] == stamp
  private final int[] seen;
  private final int[] via;
  private final int[] queue;
  private int stamp;

  /** Compiles {@code graph}; link ids must be 0..n-1. */
  public CompiledNoc(Graph<NocNode, NocLink> graph) {
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
    int v = graph.vertexSet().size();
    vertex = graph.vertexSet().toArray(new NocNode[0]);
    vertexIndex = new Object2IntOpenHashMap<>(v);
    vertexIndex.defaultReturnValue(-1);
    endpointOnly = new boolean[v];
    for (int i = 0; i < v; i++) {
      vertexIndex.put(vertex[i], i);
      endpointOnly[i] = vertex[i].kind() == NocNode.Kind.GLB;
    }
    firstOut = new int[v + 1];
    outLink = new int[n];
    linkSource = new int[n];
    linkTarget = new int[n];
    direct.defaultReturnValue(-1);
    int at = 0;
    for (int i = 0; i < v; i++) {
      firstOut[i] = at;
      for (NocLink l : graph.outgoingEdgesOf(vertex[i])) {
        int t = vertexIndex.getInt(graph.getEdgeTarget(l));
        outLink[at++] = l.id();
        linkSource[l.id()] = i;
        linkTarget[l.id()] = t;
        direct.putIfAbsent(key(i, t), l.id());
      }
    }
    firstOut[v] = at;
    seen = new int[v];
    via = new int[v];
    queue = new int[v];
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xFFFFFFFFL);
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
   * never in the event loop). The array is shared: callers must not change it.
   *
   * @throws SimulationException when no route exists
   */
  public int[] route(NocNode from, NocNode to) {
    int a = vertexIndex.getInt(from);
    int b = vertexIndex.getInt(to);
    if (a < 0 || b < 0) {
      throw new SimulationException(0, "no node " + (a < 0 ? from : to) + " in the network");
    }
    long k = key(a, b);
    int[] r = routes.get(k);
    if (r == null) {
      r = shortestPath(a, b);
      if (r == null) {
        throw new SimulationException(0, "no route from " + from + " to " + to);
      }
      routes.put(k, r);
    }
    return r;
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
   * Fewest-hops path that does not pass through a buffer (a source and a sink, not a router); links
   * are tried in insertion order, so ties break the same way on every run. A vertex's path is fixed
   * when it is first seen, so the search stops there.
   */
  private int @Nullable [] shortestPath(int from, int to) {
    if (from == to) {
      return new int[0];
    }
    int one = direct.get(key(from, to));
    if (one >= 0) {
      return new int[] {one};
    }
    stamp++;
    int head = 0;
    int tail = 0;
    queue[tail++] = from;
    seen[from] = stamp;
    while (head < tail) {
      int u = queue[head++];
      if (u != from && endpointOnly[u]) {
        continue;
      }
      for (int e = firstOut[u]; e < firstOut[u + 1]; e++) {
        int link = outLink[e];
        int t = linkTarget[link];
        if (seen[t] != stamp) {
          seen[t] = stamp;
          via[t] = link;
          if (t == to) {
            return path(from, to);
          }
          queue[tail++] = t;
        }
      }
    }
    return null;
  }

  private int[] path(int from, int to) {
    int hops = 0;
    for (int x = to; x != from; x = linkSource[via[x]]) {
      hops++;
    }
    int[] out = new int[hops];
    for (int x = to; x != from; x = linkSource[via[x]]) {
      out[--hops] = via[x];
    }
    return out;
  }

  /**
   * The structure of type {@code type} derived from this network (a dataflow's routes per PE, say),
   * built by {@code build} on the first request and shared by every later one, so that per-PE work
   * is done once per network and not once per layer. Not thread-safe, as the routes.
   */
  public <T> T derived(Class<T> type, Function<CompiledNoc, T> build) {
    Object d = derived.get(type);
    if (d == null) {
      d = build.apply(this);
      derived.put(type, d);
    }
    return type.cast(d);
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
