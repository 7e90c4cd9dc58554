package org.tessel.sim.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.util.Checks;

/**
 * A network: layers connected as a directed acyclic graph (branches, residual adds), and the order
 * in which the accelerator runs them (a topological order that keeps the file's order where the
 * graph allows it, so the result is deterministic).
 */
public final class Network {
  private final String name;
  private final Graph<Layer, DefaultEdge> graph;
  private final List<Layer> order;
  private final Map<String, Layer> byName;
  private final Map<String, Integer> positionByName;

  private Network(String name, DirectedAcyclicGraph<Layer, DefaultEdge> dag, List<Layer> order) {
    this.name = name;
    this.graph = new AsUnmodifiableGraph<>(dag);
    this.order = List.copyOf(order);
    Map<String, Layer> map = new LinkedHashMap<>();
    Map<String, Integer> position = new HashMap<>();
    for (Layer l : order) {
      position.put(l.name(), map.size());
      map.put(l.name(), l);
    }
    this.byName = Collections.unmodifiableMap(map);
    this.positionByName = position;
  }

  /** A network whose layers run one after the other, each feeding the next. */
  public static Network chain(String name, List<Layer> layers) {
    Builder b = builder(name);
    Layer prev = null;
    for (Layer l : layers) {
      b.add(l, prev == null ? List.of() : List.of(prev.name()));
      prev = l;
    }
    return b.build();
  }

  /** Starts a network; add layers in file order with the names of the layers they read. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The network's name (used as the run name). */
  public String name() {
    return name;
  }

  /** The layers in execution order. */
  public List<Layer> layers() {
    return order;
  }

  /** The dependency graph (an edge {@code a -> b} means b reads a's output); read-only. */
  public Graph<Layer, DefaultEdge> graph() {
    return graph;
  }

  /** The layers whose outputs {@code layer} reads, in file order. */
  public List<Layer> inputsOf(Layer layer) {
    List<Layer> preds = Graphs.predecessorListOf(graph, layer);
    List<Layer> sorted = new ArrayList<>(preds);
    // by position (names are unique), not order.indexOf: a scan comparing whole layers
    sorted.sort((a, b) -> Integer.compare(position(a), position(b)));
    return sorted;
  }

  /** Where {@code layer} (a layer of this network: a predecessor in its graph) runs. */
  private int position(Layer layer) {
    Integer p = positionByName.get(layer.name());
    if (p == null) {
      throw new IllegalArgumentException("not a layer of " + name + ": " + layer.name());
    }
    return p;
  }

  /** The layer with that name, or null. */
  public @Nullable Layer layer(String layerName) {
    return byName.get(layerName);
  }

  /** Total multiply-accumulates for one input. */
  public long macs() {
    long sum = 0;
    for (Layer l : order) {
      sum += l.macs();
    }
    return sum;
  }

  /** A copy holding only the layers for which {@code keep} is true, in the same order. */
  public Network filter(java.util.function.Predicate<Layer> keep) {
    Builder b = builder(name);
    for (Layer l : order) {
      if (!keep.test(l)) {
        continue;
      }
      List<String> inputs = new ArrayList<>();
      for (Layer in : inputsOf(l)) {
        if (keep.test(in)) {
          inputs.add(in.name());
        }
      }
      b.add(l, inputs);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "Network[" + name + ", " + order.size() + " layers]";
  }

  /** Collects layers and their inputs; rejects duplicates, unknown inputs and cycles. */
  public static final class Builder {
    private final String name;
    private final DirectedAcyclicGraph<Layer, DefaultEdge> dag =
        // edges made by a constructor reference, not by jgrapht's reflective supplier for a
        // class (one reflective call per edge, and a serializable lambda no class-data archive
        // holds); no vertex supplier, unweighted, no multiple edges: as DirectedAcyclicGraph(Class)
        new DirectedAcyclicGraph<>(null, DefaultEdge::new, false, false);
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Checks.notBlank("network name", name);
    }

    /**
     * Adds a layer reading the outputs of the named, already added layers.
     *
     * @throws IllegalArgumentException for a duplicate name or an unknown input
     */
    public Builder add(Layer layer, List<String> inputs) {
      if (layers.containsKey(layer.name())) {
        throw new IllegalArgumentException("duplicate layer name '" + layer.name() + "'");
      }
      dag.addVertex(layer);
      layers.put(layer.name(), layer);
      for (String in : inputs) {
        Layer src = layers.get(in);
        if (src == null || in.equals(layer.name())) {
          throw new IllegalArgumentException(
              layer.name() + ": input '" + in + "' is not a layer defined before it");
        }
        dag.addEdge(src, layer);
      }
      return this;
    }

    /** True when a layer of that name was added. */
    public boolean contains(String layerName) {
      return layers.containsKey(layerName);
    }

    /** The layer of that name, or null. */
    public @Nullable Layer get(String layerName) {
      return layers.get(layerName);
    }

    /**
     * Builds the network; layers run in the order they were added (inputs are always added before
     * their readers, so this order is topological).
     *
     * @throws IllegalArgumentException for an empty network
     */
    public Network build() {
      if (layers.isEmpty()) {
        throw new IllegalArgumentException("network '" + name + "' has no layers");
      }
      return new Network(name, dag, new ArrayList<>(layers.values()));
    }
  }
}
