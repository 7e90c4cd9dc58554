package org.tessel.onnx.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.tessel.onnx.proto.Onnx.GraphProto;
import org.tessel.onnx.proto.Onnx.NodeProto;
import org.tessel.onnx.shape.Node;
import org.tessel.sim.config.ConfigException;

/**
 * The nodes of a graph in an order that runs every producer before its readers (the file's order
 * wherever it allows), after checking that every input exists, that no value is written twice and
 * that there is no cycle.
 */
final class Graph {
  private Graph() {}

  /** Labels for the nodes: their names, or op type and index when unnamed, made unique. */
  static String[] labels(GraphProto g) {
    String[] out = new String[g.getNodeCount()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < out.length; i++) {
      NodeProto n = g.getNode(i);
      String base = n.getName().isBlank() ? n.getOpType() + "_" + i : n.getName();
      String name = base;
      int k = seen.merge(base, 1, Integer::sum);
      while (k > 1 && seen.containsKey(name)) {
        name = base + "_" + k++;
      }
      seen.putIfAbsent(name, 1);
      out[i] = name;
    }
    return out;
  }

  /**
   * The node indices in execution order.
   *
   * @param known values that exist before any node runs (graph inputs, initializers)
   * @throws ConfigException for a missing input, a value written twice, or a cycle
   */
  static int[] order(GraphProto g, String[] labels, java.util.Set<String> known, String file) {
    int n = g.getNodeCount();
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String out : g.getNode(i).getOutputList()) {
        if (out.isEmpty()) {
          continue;
        }
        if (known.contains(out) || producer.putIfAbsent(out, i) != null) {
          throw Node.error(
              file,
              labels[i],
              g.getNode(i).getOpType(),
              "output '"
                  + out
                  + "' is written twice (by another node, a graph input or an initializer)");
        }
      }
    }
    int[] pending = new int[n];
    List<List<Integer>> readers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      readers.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      NodeProto node = g.getNode(i);
      for (String in : node.getInputList()) {
        if (in.isEmpty() || (known.contains(in) && !producer.containsKey(in))) {
          continue;
        }
        Integer p = producer.get(in);
        if (p == null) {
          throw Node.error(
              file,
              labels[i],
              node.getOpType(),
              "input '"
                  + in
                  + "' is missing:"
                  + " no node, graph input or initializer produces it");
        }
        pending[i]++;
        readers.get(p).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[n];
    int k = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order[k++] = i;
      for (int r : readers.get(i)) {
        if (--pending[r] == 0) {
          ready.add(r);
        }
      }
    }
    if (k < n) {
      for (int i = 0; i < n; i++) {
        if (pending[i] > 0) {
          throw Node.error(
              file,
              labels[i],
              g.getNode(i).getOpType(),
              "the graph has a cycle" + " through this node: it depends on its own output");
        }
      }
    }
    return order;
  }
}
