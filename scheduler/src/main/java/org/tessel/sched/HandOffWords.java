package org.tessel.sched;

import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.result.LayerResult;

/**
 * What a candidate's evaluation tells the network schedule about handing tensors over on chip
 * between consecutive layers ({@link HandOff}): the DRAM words it spends on its input and output,
 * and how much of a whole input or output tensor its buffers could hold beside its tiles.
 *
 * @param dramInputWords ifmap words the candidate reads from DRAM
 * @param dramOutputWords ofmap words the candidate writes to DRAM
 * @param inputRoomWords words of a whole input tensor that fit on chip beside its working set
 * @param outputRoomWords words of a whole output tensor that fit on chip beside its working set
 */
public record HandOffWords(
    long dramInputWords, long dramOutputWords, long inputRoomWords, long outputRoomWords) {
  /** No DRAM words, no room: nothing to hand over. */
  public static final HandOffWords NONE = new HandOffWords(0, 0, 0, 0);

  /** Validates that every count is at least 0. */
  public HandOffWords {
    if (dramInputWords < 0 || dramOutputWords < 0 || inputRoomWords < 0 || outputRoomWords < 0) {
      throw new IllegalArgumentException("hand-off words must be >= 0");
    }
  }

  /** The figures of a simulated candidate. */
  public static HandOffWords of(LayerResult r, LayerMapping m) {
    return new HandOffWords(
        r.report().dramIfmap().words(),
        r.report().dramOfmap().words(),
        m.inputRoomWords(),
        m.outputRoomWords());
  }
}
