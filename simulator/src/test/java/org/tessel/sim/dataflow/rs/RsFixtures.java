package org.tessel.sim.dataflow.rs;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.NocGraphs;
import org.tessel.sim.noc.NocLink;
import org.tessel.sim.noc.NocNode;
import org.tessel.sim.workload.Layer;

/** Shared inputs of the row-stationary tests: the eyeriss preset, AlexNet's layers, networks. */
final class RsFixtures {
  private RsFixtures() {}

  /** The eyeriss preset. */
  static HardwareSpec eyeriss() {
    return HardwareReader.preset("eyeriss");
  }

  /**
   * The hardware of the prototype model ({@code docs/models/eyeriss/model.md}, Model A): the
   * eyeriss preset with every bus 64 bits wide (the ifmap bus included) and the best-mapping
   * search. The tests that check the prototype's figures use it.
   */
  static HardwareSpec prototype() {
    HardwareSpec hw = eyeriss();
    var c = hw.cgra();
    var n = c.noc();
    return hw.withCgra(
        new org.tessel.sim.arch.CgraSpec(
            new NocSpec(n.topology(), 8, n.hopLatencyCycles(), n.multicast()),
            c.glb(),
            c.scratchpads(),
            c.reconfig(),
            c.energy(),
            org.tessel.sim.arch.MappingSearchSpec.BEST));
  }

  /** The prototype's hardware ({@link #prototype()}) with another NoC. */
  static HardwareSpec eyeriss(NocSpec noc) {
    HardwareSpec hw = prototype();
    var c = hw.cgra();
    return hw.withCgra(
        new org.tessel.sim.arch.CgraSpec(
            noc, c.glb(), c.scratchpads(), c.reconfig(), c.energy(), c.mapping()));
  }

  /** AlexNet CONV1-5 as the JSSC paper runs them (padded inputs; CONV2 one group of 48). */
  static List<Layer> alexnet() {
    return List.of(
        Layer.scaleSimConv("CONV1", 227, 227, 11, 11, 3, 96, 4),
        Layer.scaleSimConv("CONV2", 31, 31, 5, 5, 48, 256, 1),
        Layer.scaleSimConv("CONV3", 15, 15, 3, 3, 256, 384, 1),
        Layer.scaleSimConv("CONV4", 15, 15, 3, 3, 192, 384, 1),
        Layer.scaleSimConv("CONV5", 15, 15, 3, 3, 192, 256, 1));
  }

  /** Table III of the JSSC paper: m n e p q r t per AlexNet layer. */
  static List<RsMapping> tableIII() {
    return List.of(
        new RsMapping(96, 1, 7, 16, 1, 1, 2),
        new RsMapping(64, 1, 27, 16, 2, 1, 1),
        new RsMapping(64, 4, 13, 16, 4, 1, 4),
        new RsMapping(64, 4, 13, 16, 3, 2, 2),
        new RsMapping(64, 4, 13, 16, 3, 2, 2));
  }

  /** A mapping context over {@code hw}'s own network. */
  static MappingContext context(HardwareSpec hw) {
    return context(hw, UnaryOperator.identity());
  }

  /** A mapping context over {@code hw}'s network with every link passed through {@code edit}. */
  static MappingContext context(HardwareSpec hw, UnaryOperator<NocLink> edit) {
    Graph<NocNode, NocLink> g =
        NocGraphs.build(hw.array(), hw.cgra().noc(), hw.cgra().glb(), hw.sram().wordBytes());
    Graph<NocNode, NocLink> out =
        GraphTypeBuilder.<NocNode, NocLink>directed()
            .allowingMultipleEdges(true)
            .allowingSelfLoops(false)
            .weighted(false)
            .buildGraph();
    for (NocNode v : g.vertexSet()) {
      out.addVertex(v);
    }
    for (NocLink l : g.edgeSet()) {
      out.addEdge(g.getEdgeSource(l), g.getEdgeTarget(l), edit.apply(l));
    }
    CompiledNoc noc = new CompiledNoc(out);
    return new MappingContext() {
      @Override
      public HardwareSpec hardware() {
        return hw;
      }

      @Override
      public CompiledNoc noc() {
        return noc;
      }
    };
  }

  /** {@code l} with {@code words} per cycle when its label starts with {@code prefix}. */
  static NocLink narrow(NocLink l, String prefix, int words) {
    return l.label().startsWith(prefix)
        ? new NocLink(l.id(), words, l.latencyCycles(), l.multicast(), l.label())
        : l;
  }
}
