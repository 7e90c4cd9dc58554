package org.tessel.sched;

import java.util.Arrays;
import java.util.List;
import org.jgrapht.Graphs;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Handing a layer's output to the next layer on chip instead of through DRAM.
 *
 * <p>Between two array layers that run one after the other, where the second reads only the first's
 * output, the whole output tensor ({@code batch x outH x outW x outC} words) may stay on chip when
 * the producer's candidate has room to keep it ({@link HandOffWords#outputRoomWords()}) and the
 * consumer's has room to read it in place ({@link HandOffWords#inputRoomWords()}): systolic arrays
 * keep it in the whole ofmap SRAM, which then serves as the next layer's ifmap SRAM (the two swap
 * roles); row stationary keeps it in the global-buffer banks its tiles leave free. The consumer
 * then reads no ifmap from DRAM, and the producer writes no ofmap to DRAM when nothing else reads
 * it (a residual branch still needs it in DRAM).
 *
 * <p>Only with {@code dram.mode: calc}: there DRAM never stalls the array, so the hand-off saves
 * exactly those DRAM words and their energy and leaves cycles unchanged. With {@code user}
 * bandwidth the saved stalls would need the consumer simulated with a resident input, which the
 * simulator does not do; no hand-off is credited there.
 */
public final class HandOff {
  /**
   * Whether array layer {@code k} of the sequence may take its input on chip from layer {@code
   * k-1}.
   *
   * @param chained adjacent in execution order, and the consumer reads only the producer
   * @param producerOnly nothing but the consumer reads the producer's output
   * @param words the producer's whole output, in words
   * @param inputWords the consumer's whole input, in words (the same tensor; counted as the
   *     consumer's shape counts it)
   */
  record Link(boolean chained, boolean producerOnly, long words, long inputWords) {
    static final Link NONE = new Link(false, false, 0, 0);

    Link(boolean chained, boolean producerOnly, long words) {
      this(chained, producerOnly, words, words);
    }
  }

  private final Link[] links;
  private final double dramPj;
  private final @Nullable String impossible;

  private HandOff(Link[] links, double dramPj, @Nullable String impossible) {
    this.links = links;
    this.dramPj = dramPj;
    this.impossible = impossible;
  }

  /** No hand-off anywhere ({@code n} array layers). */
  static HandOff none(int n) {
    Link[] links = new Link[n];
    Arrays.fill(links, Link.NONE);
    return new HandOff(links, 0, "no hand-offs here");
  }

  /** Links of given figures, for tests. */
  static HandOff of(Link[] links, double dramPj) {
    return new HandOff(links.clone(), dramPj, null);
  }

  /**
   * The links between the array layers {@code arrayIdx} (positions in {@code network}'s execution
   * order) for {@code batch} inputs on {@code hw}.
   */
  static HandOff of(Network network, List<Integer> arrayIdx, int batch, HardwareSpec hw) {
    if (!possible(hw)) {
      HandOff none = none(arrayIdx.size());
      return new HandOff(
          none.links,
          0,
          hw.name() + " has dram.mode user: hand-offs are credited" + " with calc only");
    }
    List<Layer> all = network.layers();
    Link[] links = new Link[arrayIdx.size()];
    links[0] = Link.NONE;
    for (int k = 1; k < links.length; k++) {
      int i = arrayIdx.get(k);
      Layer producer = all.get(arrayIdx.get(k - 1));
      Layer consumer = all.get(i);
      boolean chained =
          arrayIdx.get(k - 1) == i - 1 && network.inputsOf(consumer).equals(List.of(producer));
      boolean only =
          chained && Graphs.successorListOf(network.graph(), producer).equals(List.of(consumer));
      links[k] =
          chained
              ? new Link(true, only, tensorWords(producer, batch), inputWords(consumer, batch))
              : Link.NONE;
    }
    return new HandOff(links, hw.cgra().energy().dramPj(), null);
  }

  /** Whether {@code hw} credits hand-offs at all: DRAM in {@code calc} mode. */
  public static boolean possible(HardwareSpec hw) {
    return hw.dram().mode() == BandwidthMode.CALC;
  }

  /** Words of {@code layer}'s whole input for {@code batch} inputs. */
  public static long inputWords(Layer layer, int batch) {
    return (long) batch * layer.inH() * layer.inW() * layer.inC();
  }

  /** Words of {@code layer}'s whole output for {@code batch} inputs. */
  public static long tensorWords(Layer layer, int batch) {
    return (long) batch * layer.outH() * layer.outW() * layer.outC();
  }

  /** Whether layer {@code k-1}'s output stays on chip for layer {@code k} under these choices. */
  boolean applies(int k, Evaluation producer, Evaluation consumer) {
    Link l = links[k];
    return l.chained
        && l.words <= producer.handOff().outputRoomWords()
        && l.inputWords <= consumer.handOff().inputRoomWords();
  }

  /**
   * Why layer {@code k-1}'s output cannot stay on chip for layer {@code k} when their mappings
   * leave the given room, or null when it can.
   */
  @Nullable String refusal(int k, long producerOutputRoomWords, long consumerInputRoomWords) {
    if (impossible != null) {
      return impossible;
    }
    Link l = links[k];
    if (!l.chained) {
      return "the layer before is not an array layer whose output only this layer reads";
    }
    if (l.words > producerOutputRoomWords) {
      return "the previous layer's output ("
          + l.words
          + " words) does not fit beside its"
          + " tiling: room for "
          + producerOutputRoomWords
          + " words, "
          + (l.words - producerOutputRoomWords)
          + " short";
    }
    if (l.inputWords > consumerInputRoomWords) {
      return "the input ("
          + l.inputWords
          + " words) does not fit beside this layer's tiling:"
          + " room for "
          + consumerInputRoomWords
          + " words, "
          + (l.inputWords - consumerInputRoomWords)
          + " short";
    }
    return null;
  }

  /** Whether layer {@code k}'s link is chained (the tensor's fit aside). */
  boolean chained(int k) {
    return links[k].chained;
  }

  /** Words of the tensor layer {@code k-1} would keep on chip. */
  long words(int k) {
    return links[k].words;
  }

  /** Words of the same tensor as layer {@code k} reads it. */
  long inputWords(int k) {
    return links[k].inputWords;
  }

  /** DRAM energy the producer of link {@code k} saves when its output stays on chip. */
  double outputSavedPj(int k, Evaluation producer) {
    return links[k].producerOnly ? dramPj * producer.handOff().dramOutputWords() : 0;
  }

  /** DRAM energy the consumer of link {@code k} saves reading its input on chip. */
  double inputSavedPj(Evaluation consumer) {
    return dramPj * consumer.handOff().dramInputWords();
  }

  /** Whether link {@code k}'s producer skips its DRAM write when the link applies. */
  boolean producerOnly(int k) {
    return links[k].producerOnly;
  }
}
