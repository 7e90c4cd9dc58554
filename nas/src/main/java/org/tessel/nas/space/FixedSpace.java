package org.tessel.nas.space;

import org.tessel.sim.workload.Network;

/**
 * A space of exactly one network, given whole (an imported ONNX model): no genes, one genome, whose
 * arch string is empty. Searching it prices that network.
 */
public final class FixedSpace implements SearchSpace {
  private final String name;
  private final Network network;

  /** The space holding {@code network}, called {@code name}. */
  public FixedSpace(String name, Network network) {
    this.name = name;
    this.network = network;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] radices() {
    return new int[0];
  }

  @Override
  public String archString(Genome g) {
    check(g);
    return "";
  }

  @Override
  public Genome parseArch(String arch) {
    if (!arch.isBlank()) {
      throw new IllegalArgumentException(
          "'"
              + arch
              + "' is not a choice of "
              + name
              + ", which holds one network (arch string '')");
    }
    return Genome.of(new int[0]);
  }

  @Override
  public Network network(Genome g) {
    check(g);
    return network;
  }
}
