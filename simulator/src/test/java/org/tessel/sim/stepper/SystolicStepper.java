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
 * <p>The memory model is LayerRunner's Javadoc, read as a per-cycle state machine. Time is cut into
 * cycles {@code 0, 1, 2, ...}; "boundary c" is the start of cycle c. At each boundary:
 *
 * <ol>
 *   <li>Start, repeatedly until nothing more can start: the ifmap and filter fill for fold {@code
 *       k} (in fold order, one transfer at a time per port) once its port is idle and fold {@code k
 *       - 2} has ended (its SRAM half is free); the write-back of fold {@code k} (in order) once
 *       fold {@code k} has ended and the write port is idle; fold {@code k} once the array is idle
 *       (fold {@code k - 1} ended), both fills of fold {@code k} are complete and the write-back of
 *       fold {@code k - 2} is complete. A transfer of 0 words, or any transfer when the bandwidth
 *       is unlimited, completes at the boundary it starts at, and what it enables may start at that
 *       same boundary.
 *   <li>If every fold has ended and every write-back has completed, the layer took {@code c}
 *       cycles.
 *   <li>Run cycle c: every busy port moves up to {@code B} words of its current transfer (a
 *       transfer never shares a cycle with the next one, so {@code w} words take {@code ceil(w /
 *       B)} cycles); the array, if it has a fold, steps one cycle. Whatever completes in cycle c is
 *       complete at boundary {@code c + 1}: a fold may start in the cycle right after the previous
 *       fold's last cycle.
 * </ol>
 *
 * <p>Folds run column fold outer, row fold inner, groups one after another in one continuous
 * sequence (fold {@code k} of the layer is fold {@code k % perGroup} of group {@code k /
 * perGroup}); the words per fold come from {@link OperandTraffic}, as in the engine. This is {@link
 * MemoryModel#TILES}; SCALE-Sim's line-buffer model is not stepped here.
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
  /** Stands for unlimited bandwidth. */
  static final long UNLIMITED = 0;

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
    long bandwidth =
        hw.dram().mode() == BandwidthMode.CALC ? UNLIMITED : hw.dram().bandwidthWordsPerCycle();
    return new SystolicStepper.Run(array, data, rowFolds, colFolds, groups, traffic, bandwidth)
        .go();
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

  /** One DRAM port: one transfer at a time, in fold order, up to {@code B} words per cycle. */
  private static final class Port {
    private final long wordsPerCycle;
    int started;
    int done;
    boolean busy;
    long remaining;
    long lastDone = -1;

    Port(long wordsPerCycle) {
      this.wordsPerCycle = wordsPerCycle;
    }

    /** Starts the next transfer at boundary {@code c}; nothing to move, or no limit: done now. */
    void start(long words, long c) {
      started++;
      if (words == 0 || wordsPerCycle == UNLIMITED) {
        done++;
        lastDone = c;
        return;
      }
      busy = true;
      remaining = words;
    }

    /** Cycle {@code c}: moves up to B words; a transfer emptied now completes at {@code c + 1}. */
    void tick(long c) {
      if (!busy) {
        return;
      }
      remaining -= Math.min(wordsPerCycle, remaining);
      if (remaining == 0) {
        busy = false;
        done++;
        lastDone = c + 1;
      }
    }
  }

  private static final class Run {
    private final PortGatedArray array;
    private final GemmData data;
    private final int rowFolds;
    private final int perGroup;
    private final int folds;
    private final FoldTraffic traffic;
    private final Port ifmap;
    private final Port filter;
    private final Port ofmap;

    private int foldsStarted;
    private int foldsEnded;
    private boolean arrayBusy;
    private long foldCycles;
    private long computeCycles;
    private long stallCycles;
    private long minFold = Long.MAX_VALUE;
    private long maxFold;
    private long firstFoldStart = -1;
    private long lastFoldEnd;
    private final long[] stepped;

    Run(
        PortGatedArray array,
        GemmData data,
        int rowFolds,
        int colFolds,
        int groups,
        FoldTraffic traffic,
        long bandwidth) {
      this.array = array;
      this.data = data;
      this.rowFolds = rowFolds;
      this.perGroup = Math.multiplyExact(rowFolds, colFolds);
      this.folds = Math.multiplyExact(perGroup, groups);
      this.traffic = traffic;
      this.ifmap = new Port(bandwidth);
      this.filter = new Port(bandwidth);
      this.ofmap = new Port(bandwidth);
      this.stepped = new long[folds];
    }

    StepperResult go() {
      for (long c = 0; ; c++) {
        // boundary c: start everything that may start, until nothing more does
        boolean startedSomething = true;
        while (startedSomething) {
          startedSomething = startFills(c) || startDrain(c) || startFold(c);
        }
        if (foldsEnded == folds && ofmap.done == folds) {
          return new StepperResult(
              c,
              computeCycles,
              stallCycles,
              array.macs(),
              foldsEnded,
              minFold,
              maxFold,
              firstFoldStart,
              lastFoldEnd,
              ofmap.lastDone,
              data.mismatches(),
              stepped,
              array.heldCycles());
        }
        if (!arrayBusy && !ifmap.busy && !filter.busy && !ofmap.busy) {
          throw new IllegalStateException(
              "stepper deadlock at cycle "
                  + c
                  + ": "
                  + foldsEnded
                  + " of "
                  + folds
                  + " folds, "
                  + ofmap.done
                  + " write-backs");
        }
        // cycle c
        ifmap.tick(c);
        filter.tick(c);
        ofmap.tick(c);
        if (arrayBusy) {
          computeCycles++;
          foldCycles++;
          if (array.step()) {
            arrayBusy = false;
            foldsEnded++;
            lastFoldEnd = c + 1;
            minFold = Math.min(minFold, foldCycles);
            maxFold = Math.max(maxFold, foldCycles);
            stepped[foldsEnded - 1] = foldCycles;
          }
        } else {
          stallCycles++;
        }
      }
    }

    private boolean startFills(long c) {
      boolean any = false;
      // fold k's half of each input SRAM is free once fold k - 2 has ended
      int k = ifmap.started;
      if (!ifmap.busy && k < folds && (k < 2 || foldsEnded > k - 2)) {
        ifmap.start(traffic.ifmapFillWords(k), c);
        any = true;
      }
      k = filter.started;
      if (!filter.busy && k < folds && (k < 2 || foldsEnded > k - 2)) {
        filter.start(traffic.filterFillWords(k), c);
        any = true;
      }
      return any;
    }

    private boolean startDrain(long c) {
      int k = ofmap.started;
      if (!ofmap.busy && k < foldsEnded) {
        ofmap.start(traffic.ofmapDrainWords(k), c);
        return true;
      }
      return false;
    }

    private boolean startFold(long c) {
      int k = foldsStarted;
      boolean ofmapHalfFree = k < 2 || ofmap.done > k - 2; // write-back of fold k - 2 done
      if (!arrayBusy && k < folds && ifmap.done > k && filter.done > k && ofmapHalfFree) {
        arrayBusy = true;
        foldsStarted++;
        foldCycles = 0;
        if (k == 0) {
          firstFoldStart = c;
        }
        int inGroup = k % perGroup;
        array.begin(k / perGroup, inGroup % rowFolds, inGroup / rowFolds);
        return true;
      }
      return false;
    }
  }
}
