package org.tessel.sim.stepper;

import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.systolic.OperandTraffic;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.workload.GemmShape;
import org.tessel.sim.workload.Layer;

/**
 * A literal, cycle-by-cycle model of one layer on a systolic array with its three DRAM ports, the
 * reference for {@link org.tessel.sim.layer.LayerRunner}. Nothing here is closed-form: fold lengths
 * come from stepping PE registers ({@link OutputStationaryArray}, {@link StationaryArray}), and
 * transfer lengths from moving words a cycle at a time.
 *
 * <p>The memory model is LayerRunner's Javadoc, read as a per-cycle state machine ({@link
 * DramStepper}): double-buffered SRAMs, three DRAM ports of {@code B} words per cycle (USER),
 * unlimited ones (CALC) or one shared off-chip link (LINK). Under USER bandwidth a fold whose
 * streamed slice does not fit half its SRAM runs as several passes ({@link Chunking}): the array
 * keeps the fold's registers and holds still between chunks until the next chunk's words are on
 * chip; those cycles are stalls, not fold cycles.
 *
 * <p>Folds run column fold outer, row fold inner, groups one after another in one continuous
 * sequence (fold {@code k} of the layer is fold {@code k % perGroup} of group {@code k /
 * perGroup}); the words per fold come from {@link OperandTraffic}, as in the engine (the chunks'
 * words from {@link Chunking}). This is {@link MemoryModel#TILES}; SCALE-Sim's line-buffer model is
 * not stepped here.
 *
 * <p>Inside a fold, the array is fed by the global buffer's read ports ({@code hw.cgra().glb()})
 * word by word ({@link EdgeFeed}): the array advances in lockstep only when every edge register it
 * reads from holds its word, and otherwise holds still for the cycle ({@link PortGatedArray}). With
 * SCALE-Sim's edge (one one-word port per row and per column) the ports never hold the array back.
 * The network must be the systolic mesh with one-cycle hops (the PE registers move one PE per
 * cycle); links of any width are allowed (a mesh link never carries more than one word per cycle
 * here). Write ports are not stepped (the engine does not time them either).
 */
final class SystolicStepper {
  private SystolicStepper() {}

  /** Steps {@code layer} for {@code batch} inputs on {@code hw}; {@code seed} draws operands. */
  static StepperResult run(Layer layer, int batch, HardwareSpec hw, long seed) {
    return run(layer, batch, hw, seed, EdgeFeed.Rules.DEFAULT);
  }

  /**
   * As {@link #run(Layer, int, HardwareSpec, long)}, with edge registers following {@code rules}.
   */
  static StepperResult run(
      Layer layer, int batch, HardwareSpec hw, long seed, EdgeFeed.Rules rules) {
    if (hw.memoryModel() != MemoryModel.TILES) {
      throw new IllegalArgumentException("the stepper models TILES only, not " + hw.memoryModel());
    }
    GemmShape g = layer.gemm(batch);
    // the plan says only which dimension runs where; folds and cycles are counted here
    FoldPlan plan = ((SystolicDataflow) Dataflows.of(hw.dataflow())).plan(g, hw.array());
    int rows = hw.array().rows();
    int cols = hw.array().cols();
    int groups = layer.groups();
    GemmData data = new GemmData(g, groups, seed);
    Mapping m = new Mapping(plan.rowDim(), plan.colDim(), plan.streamDim(), rows, cols, data);
    if (!(hw.dataflow() == DataflowKind.OS
        || hw.dataflow() == DataflowKind.WS
        || hw.dataflow() == DataflowKind.IS)) {
      throw new IllegalArgumentException("the stepper models os, ws and is, not " + hw.dataflow());
    }
    boolean os = hw.dataflow() == DataflowKind.OS;
    FoldArray registers = os ? new OutputStationaryArray(m) : new StationaryArray(m);
    PortGatedArray array = new PortGatedArray(registers, feed(hw, rules), m, os);
    int rowFolds = (m.rowExtent() + rows - 1) / rows;
    int colFolds = (m.colExtent() + cols - 1) / cols;
    FoldTraffic traffic = OperandTraffic.of(layer, plan, hw);
    // folds are cut into chunks when DRAM traffic is simulated at a given bandwidth
    Chunking chunks =
        Chunking.of(m, groups, hw.sram(), traffic, hw.dram().mode() == BandwidthMode.USER);
    DramStepper.Memory mem = memory(hw);
    int folds = Math.multiplyExact(rowFolds * colFolds, groups);
    FoldPasses passes = new FoldPasses(array, chunks, rowFolds, os ? 0 : rows, folds);
    DramStepper.Timing t =
        DramStepper.run(passes, chunks, mem, Math.multiplyExact(chunks.passesPerGroup(), groups));
    long[][] ends = t.transferEnds();
    return new StepperResult(
        t.cycles(),
        t.computeCycles(),
        t.stallCycles(),
        array.macs(),
        passes.folds,
        passes.minFold,
        passes.maxFold,
        t.firstPassStart(),
        t.lastPassEnd(),
        ends[2][ends[2].length - 1],
        data.mismatches(),
        passes.stepped,
        array.heldCycles());
  }

  /**
   * The DRAM side of {@code hw}: unlimited ports (CALC), ports of the given words per cycle (USER),
   * or one shared link of {@code linkBits} per link cycle at {@code linkClockMHz} against the core
   * clock (LINK), worked out here from the spec's fields.
   */
  static DramStepper.Memory memory(HardwareSpec hw) {
    return switch (hw.dram().mode()) {
      case CALC -> DramStepper.Memory.ports(DramStepper.UNLIMITED);
      case USER -> DramStepper.Memory.ports(hw.dram().bandwidthWordsPerCycle());
      case LINK -> {
        // bits x link kHz per 8 x core kHz: bytes per core cycle as an exact fraction
        long linkKHz = Math.round(hw.dram().linkClockMHz() * 1000);
        long coreKHz = Math.round(hw.clockMHz() * 1000);
        yield DramStepper.Memory.link(
            (long) hw.dram().linkBits() * linkKHz, 8 * coreKHz, hw.sram().wordBytes());
      }
    };
  }

  /** The read ports of {@code hw}'s global buffer feeding its array's edge registers. */
  static EdgeFeed feed(HardwareSpec hw, EdgeFeed.Rules rules) {
    NocSpec noc = hw.cgra().noc();
    if (noc.topology() != NocTopology.SYSTOLIC_MESH || noc.hopLatencyCycles() != 1) {
      throw new IllegalArgumentException(
          "the stepper models a systolic mesh with one-cycle hops," + " not " + noc);
    }
    GlbSpec glb = hw.cgra().glb();
    int width = Math.max(1, glb.bytesPerPortPerCycle() / hw.sram().wordBytes());
    return new EdgeFeed(hw.array().rows(), hw.array().cols(), glb.ports(), width, rules);
  }

  /**
   * The array seen pass by pass: a pass is a fold, or a chunk of a fold ({@link Chunking}); the
   * fold's registers carry over from one chunk to the next, and a chunk other than the fold's last
   * ends with the array's advance that takes its last stream step.
   */
  private static final class FoldPasses implements DramStepper.PassArray {
    private final PortGatedArray array;
    private final Chunking chunks;
    private final int rowFolds;
    private final long preload;
    private final long[] stepped;
    private int pass;
    private int folds;
    private long foldCycles;
    private long minFold = Long.MAX_VALUE;
    private long maxFold;

    FoldPasses(PortGatedArray array, Chunking chunks, int rowFolds, long preload, int folds) {
      this.array = array;
      this.chunks = chunks;
      this.rowFolds = rowFolds;
      this.preload = preload;
      this.stepped = new long[folds];
    }

    @Override
    public void begin(int k) {
      pass = k % chunks.passesPerGroup();
      if (chunks.first(pass)) {
        int fold = chunks.fold(pass);
        array.begin(k / chunks.passesPerGroup(), fold % rowFolds, fold / rowFolds);
        foldCycles = 0;
      }
    }

    @Override
    public boolean step() {
      foldCycles++;
      boolean foldEnded = array.step();
      if (foldEnded) {
        if (!chunks.last(pass)) {
          throw new IllegalStateException("stepper bug: fold ended inside chunk " + pass);
        }
        minFold = Math.min(minFold, foldCycles);
        maxFold = Math.max(maxFold, foldCycles);
        stepped[folds++] = foldCycles;
        return true;
      }
      return !chunks.last(pass) && array.advances() == preload + chunks.endStep(pass);
    }
  }
}
