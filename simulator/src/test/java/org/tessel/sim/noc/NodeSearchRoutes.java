package org.tessel.sim.noc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * Routes found the way {@link CompiledNoc} found them before it numbered vertices: a breadth-first
 * search over the jgrapht graph itself, hashing node objects, that stops when the target leaves the
 * queue, never expands the buffer unless it is the source, and tries each vertex's outgoing links
 * in the graph's insertion order. The reference for the tie-breaking of the primitive search.
 */
final class NodeSearchRoutes {
  private final Graph<NocNode, NocLink> graph;

  NodeSearchRoutes(Graph<NocNode, NocLink> graph) {
    this.graph = graph;
  }

  /** Link ids from {@code from} to {@code to}, or null when there is no route. */
  int[] route(NocNode from, NocNode to) {
    Map<NocNode, NocLink> via = new HashMap<>();
    ArrayDeque<NocNode> queue = new ArrayDeque<>();
    Set<NocNode> seen = new HashSet<>();
    queue.add(from);
    seen.add(from);
    while (!queue.isEmpty()) {
      NocNode u = queue.poll();
      if (u.equals(to)) {
        List<NocLink> path = new ArrayList<>();
        for (NocNode v = to; !v.equals(from); v = graph.getEdgeSource(via.get(v))) {
          path.add(via.get(v));
        }
        Collections.reverse(path);
        return ids(path);
      }
      if (!u.equals(from) && u.kind() == NocNode.Kind.GLB) {
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

  private static int[] ids(List<NocLink> path) {
    int[] out = new int[path.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = path.get(i).id();
    }
    return out;
  }
}
