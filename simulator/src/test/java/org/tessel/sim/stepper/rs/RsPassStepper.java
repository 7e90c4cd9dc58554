package org.tessel.sim.stepper.rs;

import java.util.ArrayList;
import java.util.List;

/**
 * A literal, cycle-by-cycle model of one row-stationary processing pass on Eyeriss-style hardware,
 * written from the hardware's description (Chen et al., JSSC 2017, Sec. III-V; the PE and the
 * networks as {@code docs/models/eyeriss/model.md} and {@code docs/hardware-format.md} describe
 * them), not from the engine's pass formula.
 *
 * <p><b>What is there.</b> Logical PE sets of {@code R x eS} PEs, {@code r} copies on other
 * channels stacked so that the {@code R r} PEs of an output row form one vertical chain, {@code t}
 * copies on other filters (the placement rule of {@code Placement}, re-derived in {@link
 * RsPlacement}). Each PE has a filter scratchpad ({@code p q S} words of its filter row), an ifmap
 * scratchpad of {@code ifmapSpadWords} words written at most {@code spadWrites} words per cycle,
 * and a partial-sum scratchpad of {@code psumSpadWords} words (incoming partial sums; as many for
 * finished ones waiting to leave). Four networks, each a read (or write) port of the global buffer
 * shared with the other networks on that port, a Y bus and one X bus per PE row, all multicast:
 *
 * <ul>
 *   <li>filter: one stream per copy {@code (ti, ri)} and filter row {@code i} of {@code p q S}
 *       words, multicast to the {@code eS} PEs holding that row;
 *   <li>ifmap: one stream per channel copy {@code ri} and ifmap row {@code h} of {@code n q W}
 *       words (image by image, column by column, channel by channel), multicast to every PE {@code
 *       (i, j)} with {@code j U + i = h} of every filter copy; a PE keeps the words that some
 *       output pixel's window needs and drops the others;
 *   <li>psum in: one stream per chain of {@code n F p} partial sums read back from the buffer to
 *       the chain's bottom PE;
 *   <li>psum out: each chain's top PE writes its {@code n F p} results to the buffer; the PE-to-PE
 *       links up a column carry partial sums from a PE to the one above, at the psum output
 *       network's width.
 * </ul>
 *
 * A link of width {@code B} moves at most {@code B} words per cycle (a multicast word once per
 * link); a word moved in cycle {@code c} is usable from cycle {@code c + 1} (no hop latency: the
 * hardware is restricted to {@code hopLatencyCycles: 0}). In each cycle the networks take turns on
 * the shared read ports (the order rotates from cycle to cycle) and, inside a network, the streams
 * take turns word by word (round robin, a stream whose receivers cannot take its next word is
 * skipped).
 *
 * <p><b>The PE.</b> One MAC per cycle. It computes its partial sums in the order image, output
 * pixel, filter: each is {@code q S} MACs over the window of {@code q} channels by {@code S} taps
 * in the ifmap scratchpad and one filter's {@code q S} words, seeded with the partial sum from the
 * PE below (the chain's bottom PE: the one read back from the buffer), which must be there when its
 * first MAC issues; with the two-stage MAC pipeline ({@code macPipelineCycles}) the result of a sum
 * whose first MAC issues in cycle {@code s} can leave in cycle {@code s + q S + L_pipe - 1}. A PE
 * starts its first sum once its whole filter row is loaded. When the last sum of a pixel has issued
 * its last MAC, the window slides: words no later window needs are dropped and free their slots.
 * The pass ends when the last result has reached the buffer.
 *
 * <p>The words carry values: a PE computes each sum from the words in its scratchpads (a word that
 * is not there when a MAC needs it is a bug of the model), and every sum written to the buffer is
 * checked against the convolution computed directly ({@link Result#outputMismatches()}).
 */
final class RsPassStepper {
  /** What a pass is: the layer's shape, the mapping, the strip and the hardware. */
  record Pass(
      int filterRows, // R
      int filterCols, // S
      int inputCols, // W (padded)
      int outputCols, // F
      int strideH, // U
      int strideW,
      int stripRows, // eS
      int setRows, // e
      int p,
      int q,
      int r,
      int t,
      int n,
      Hardware hw) {}

  /**
   * The hardware a pass runs on.
   *
   * @param rows PE rows
   * @param cols PE columns
   * @param ifmapSpadWords ifmap scratchpad words
   * @param psumSpadWords partial-sum scratchpad words
   * @param spadWrites ifmap scratchpad writes per cycle
   * @param macPipelineCycles MAC pipeline stages
   * @param busWords words per cycle of the ifmap, filter, psum-in and psum-out buses
   * @param ports global-buffer read ports (network {@code k} reads through port {@code k mod
   *     ports}: ifmap 0, filter 1, psum in 2)
   * @param portWords words per cycle of a port
   */
  // a spec read field by field, never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  record Hardware(
      int rows,
      int cols,
      int ifmapSpadWords,
      int psumSpadWords,
      int spadWrites,
      int macPipelineCycles,
      int[] busWords,
      int ports,
      int portWords) {}

  static final int IFMAP = 0;
  static final int FILTER = 1;
  static final int PSUM_IN = 2;
  static final int PSUM_OUT = 3;

  /**
   * What the pass did.
   *
   * @param cycles cycles until the last result reached the buffer
   * @param macs MACs the PEs issued
   * @param resultsWritten partial sums written to the buffer by the chains' top PEs
   * @param firstMacCycle the cycle the first MAC issued in
   * @param outputMismatches written sums that differ from the convolution computed directly (0 when
   *     the PEs, with the words the networks brought them, computed the pass)
   */
  record Result(
      long cycles, long macs, long resultsWritten, long firstMacCycle, long outputMismatches) {}

  private final Pass ps;
  private final Hardware hw;
  private final RsPlacement pl;
  private final int qs;
  private final int psumsPerPe;
  private final List<Pe> pes = new ArrayList<>();
  private final List<List<Stream>> inputs =
      List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  private final List<Pe> tops = new ArrayList<>();
  private final int[] pointer = new int[4];
  private final boolean[] neededInRow;
  private final int[] neededBefore;
  private long macs;
  private long written;
  private long firstMac = -1;
  private long mismatches;

  private RsPassStepper(Pass ps) {
    this.ps = ps;
    this.hw = ps.hw();
    this.pl = new RsPlacement(ps.filterRows(), ps.setRows(), ps.r(), ps.t(), hw.rows(), hw.cols());
    this.qs = ps.q() * ps.filterCols();
    this.psumsPerPe = ps.n() * ps.outputCols() * ps.p();
    // which stream positions of one image row some window needs
    int perImage = ps.inputCols() * ps.q();
    neededInRow = new boolean[perImage];
    neededBefore = new int[perImage + 1];
    for (int x = 0; x < ps.outputCols(); x++) {
      for (int col = x * ps.strideW(); col < x * ps.strideW() + ps.filterCols(); col++) {
        for (int cq = 0; cq < ps.q(); cq++) {
          neededInRow[col * ps.q() + cq] = true;
        }
      }
    }
    for (int k = 0; k < perImage; k++) {
      neededBefore[k + 1] = neededBefore[k] + (neededInRow[k] ? 1 : 0);
    }
    build();
  }

  /** Steps one pass. */
  static Result run(Pass pass) {
    return new RsPassStepper(pass).go();
  }

  /** One PE of the pass. */
  private final class Pe {
    final int row;
    final int col;
    final int ti;
    final int ri;
    final int j;
    final int i;
    Pe above; // next PE up the chain (null at the top)
    // filter scratchpad
    long filterGot;
    long filterGotAtBoundary;
    // ifmap scratchpad: stream positions received, and the slide frontier
    long ifmapRecv;
    long ifmapRecvAtBoundary;
    long frontier;
    long pendingFrontier;
    long frontierAt = Long.MAX_VALUE;
    int writesThisCycle;
    // partial sums: seeds received and used, results waiting to leave (ready cycles)
    long seedsGot;
    long seedsGotAtBoundary;
    long seedsUsed;
    final long[] seedValue;
    int seedHead;
    final long[] outReady;
    final long[] outValue;
    int outHead;
    int outCount;
    long resultsOut; // results this (top) PE has written to the buffer
    // the ifmap scratchpad's words: stream position and value, oldest first
    final java.util.ArrayDeque<long[]> spad = new java.util.ArrayDeque<>();
    // the sum being computed
    int next; // index of the next partial sum (image, pixel, filter)
    long busyUntil; // boundary at which the current sum's last MAC has issued

    Pe(int ti, int ri, int j, int i) {
      this.row = pl.row(ti, ri, j, i);
      this.col = pl.col(ti, j);
      this.ti = ti;
      this.ri = ri;
      this.j = j;
      this.i = i;
      this.seedValue = new long[hw.psumSpadWords()];
      this.outReady = new long[hw.psumSpadWords()];
      this.outValue = new long[hw.psumSpadWords()];
    }

    /** A partial sum arrives from below (or from the buffer, at the chain's bottom). */
    void seed(long value) {
      seedValue[(int) ((seedHead + seedsGot - seedsUsed) % seedValue.length)] = value;
      seedsGot++;
    }

    long takeSeed() {
      long v = seedValue[seedHead];
      seedHead = (seedHead + 1) % seedValue.length;
      seedsUsed++;
      return v;
    }

    long stored() {
      long perImage = (long) ps.inputCols() * ps.q();
      return needed(ifmapRecv, perImage) - needed(Math.min(frontier, ifmapRecv), perImage);
    }

    /** Whether this PE can take stream position {@code pos} of its ifmap row now. */
    boolean accepts(long pos) {
      int inRow = (int) (pos % ((long) ps.inputCols() * ps.q()));
      if (!neededInRow[inRow] || pos < frontier) {
        return true; // dropped on arrival
      }
      if (!filled() && pos >= (long) ps.filterCols() * ps.q()) {
        return false; // streaming starts once the fill is over
      }
      return writesThisCycle < hw.spadWrites() && stored() < hw.ifmapSpadWords();
    }

    void take(long pos, long value) {
      int inRow = (int) (pos % ((long) ps.inputCols() * ps.q()));
      if (neededInRow[inRow] && pos >= frontier) {
        writesThisCycle++;
        spad.addLast(new long[] {pos, value});
      }
      ifmapRecv++;
    }

    /** The word at stream position {@code pos}, which must be in the scratchpad. */
    long word(long pos) {
      for (long[] w : spad) {
        if (w[0] == pos) {
          return w[1];
        }
      }
      throw new IllegalStateException("stepper bug: ifmap word " + pos + " not in the scratchpad");
    }

    boolean seedRoom() {
      return seedsGot - seedsUsed < hw.psumSpadWords();
    }

    /** Whether the PE's filter row was loaded by the start of this cycle: streaming may start. */
    boolean filled() {
      return filterGotAtBoundary >= (long) ps.p() * qs;
    }
  }

  private long needed(long positions, long perImage) {
    long images = positions / perImage;
    return images * neededBefore[(int) perImage] + neededBefore[(int) (positions % perImage)];
  }

  /** A stream of one input network: its words and receivers. */
  private static final class Stream {
    final long words;
    final List<Pe> receivers = new ArrayList<>();
    final int ri; // ifmap: channel copy; psum in: filter copy of the chain
    final int h; // ifmap: input row; psum in: logical column of the chain
    long sent;

    Stream(long words, int ri, int h) {
      this.words = words;
      this.ri = ri;
      this.h = h;
    }
  }

  private void build() {
    int rr = ps.filterRows();
    int es = ps.stripRows();
    Pe[][][][] at = new Pe[ps.t()][ps.r()][es][rr];
    for (int ti = 0; ti < ps.t(); ti++) {
      for (int ri = 0; ri < ps.r(); ri++) {
        for (int j = 0; j < es; j++) {
          for (int i = 0; i < rr; i++) {
            Pe pe = new Pe(ti, ri, j, i);
            at[ti][ri][j][i] = pe;
            pes.add(pe);
          }
        }
      }
    }
    // chains: up a column, from (r - 1, R - 1) at the bottom to (0, 0) at the top
    for (int ti = 0; ti < ps.t(); ti++) {
      for (int j = 0; j < es; j++) {
        Pe below = null;
        for (int ri = ps.r() - 1; ri >= 0; ri--) {
          for (int i = rr - 1; i >= 0; i--) {
            Pe pe = at[ti][ri][j][i];
            if (below == null) {
              Stream s = new Stream(psumsPerPe, ti, j);
              s.receivers.add(pe);
              inputs.get(PSUM_IN).add(s);
            } else {
              below.above = pe;
              if (below.col != pe.col || below.row != pe.row + 1) {
                throw new IllegalStateException("chain not in consecutive rows of one column");
              }
            }
            below = pe;
          }
        }
        tops.add(below);
      }
    }
    for (int ti = 0; ti < ps.t(); ti++) {
      for (int ri = 0; ri < ps.r(); ri++) {
        for (int i = 0; i < rr; i++) {
          Stream s = new Stream((long) ps.p() * qs, ri, i);
          for (int j = 0; j < es; j++) {
            s.receivers.add(at[ti][ri][j][i]);
          }
          inputs.get(FILTER).add(s);
        }
      }
    }
    int u = ps.strideH();
    int lastRow = (es - 1) * u + rr;
    for (int ri = 0; ri < ps.r(); ri++) {
      for (int h = 0; h < lastRow; h++) {
        Stream s = new Stream((long) ps.n() * ps.q() * ps.inputCols(), ri, h);
        for (int j = 0; j < es; j++) {
          int i = h - j * u;
          if (i < 0 || i >= rr) {
            continue;
          }
          for (int ti = 0; ti < ps.t(); ti++) {
            s.receivers.add(at[ti][ri][j][i]);
          }
        }
        if (!s.receivers.isEmpty()) {
          inputs.get(IFMAP).add(s);
        }
      }
    }
  }

  private Result go() {
    long total = (long) tops.size() * psumsPerPe;
    long idle = 0;
    for (long c = 0; ; c++) {
      for (Pe pe : pes) {
        pe.filterGotAtBoundary = pe.filterGot;
        pe.ifmapRecvAtBoundary = pe.ifmapRecv;
        pe.seedsGotAtBoundary = pe.seedsGot;
        pe.writesThisCycle = 0;
        if (c >= pe.frontierAt) {
          pe.frontier = pe.pendingFrontier;
          pe.frontierAt = Long.MAX_VALUE;
          while (!pe.spad.isEmpty() && pe.spad.peekFirst()[0] < pe.frontier) {
            pe.spad.removeFirst();
          }
        }
      }
      boolean moved = false;
      // PEs that may start a sum in cycle c (inputs as of boundary c)
      for (Pe pe : pes) {
        moved |= compute(pe, c);
      }
      moved |= psumsOut(c);
      moved |= inputNetworks(c);
      if (written == total) {
        return new Result(c + 1, macs, written, firstMac, mismatches);
      }
      idle = moved ? 0 : idle + 1;
      if (idle > 10L * (qs + hw.macPipelineCycles() + 2)) {
        throw new IllegalStateException("rs stepper deadlock at cycle " + c + " " + ps);
      }
    }
  }

  /** Starts the PE's next sum in cycle {@code c} when everything it needs is there. */
  private boolean compute(Pe pe, long c) {
    if (pe.next >= psumsPerPe || c < pe.busyUntil) {
      return c < pe.busyUntil;
    }
    if (pe.filterGotAtBoundary < (long) ps.p() * qs) {
      return false;
    }
    int k = pe.next;
    int image = k / (ps.outputCols() * ps.p());
    int x = (k / ps.p()) % ps.outputCols();
    int f = k % ps.p();
    long perImage = (long) ps.inputCols() * ps.q();
    long lastNeeded = image * perImage + (long) (x * ps.strideW() + ps.filterCols()) * ps.q();
    if (pe.ifmapRecvAtBoundary < lastNeeded) {
      return false;
    }
    if (pe.seedsGotAtBoundary <= pe.seedsUsed) {
      return false;
    }
    if (pe.outCount == pe.outReady.length) {
      return false;
    }
    // the MACs: the seed plus filter f's q S words times the window's q S words
    long value = pe.takeSeed();
    for (int cq = 0; cq < ps.q(); cq++) {
      for (int s = 0; s < ps.filterCols(); s++) {
        long pos = image * perImage + (long) (x * ps.strideW() + s) * ps.q() + cq;
        value += filterValue(pe.ti, f, pe.ri, cq, pe.i, s) * pe.word(pos);
      }
    }
    pe.next++;
    pe.busyUntil = c + qs;
    macs += qs;
    if (firstMac < 0) {
      firstMac = c;
    }
    int slot = (pe.outHead + pe.outCount) % pe.outReady.length;
    pe.outReady[slot] = c + qs + hw.macPipelineCycles() - 1;
    pe.outValue[slot] = value;
    pe.outCount++;
    if (f == ps.p() - 1) {
      // the window slides once the pixel's last MAC has issued, at boundary c + qs
      pe.frontierAt = c + qs;
      pe.pendingFrontier =
          x == ps.outputCols() - 1
              ? (image + 1) * perImage
              : image * perImage + (long) (x + 1) * ps.strideW() * ps.q();
    }
    return true;
  }

  /** Results leave: up the chain on the local links, or from the top PEs to the buffer. */
  private boolean psumsOut(long c) {
    boolean moved = false;
    int width = hw.busWords()[PSUM_OUT];
    for (Pe pe : pes) {
      if (pe.above == null) {
        continue;
      }
      int sent = 0;
      while (sent < width
          && pe.outCount > 0
          && pe.outReady[pe.outHead] <= c
          && pe.above.seedRoom()) {
        pe.above.seed(pop(pe));
        sent++;
        moved = true;
      }
    }
    // the output network: write port 0, its Y bus and the X bus of each row, round robin
    int yLeft = width;
    int portLeft = hw.portWords();
    int[] xLeft = new int[hw.rows()];
    java.util.Arrays.fill(xLeft, width);
    int n = tops.size();
    boolean progress = true;
    while (progress && yLeft > 0 && portLeft > 0) {
      progress = false;
      for (int k = 0; k < n && yLeft > 0 && portLeft > 0; k++) {
        Pe top = tops.get((pointer[PSUM_OUT] + k) % n);
        if (top.outCount > 0 && top.outReady[top.outHead] <= c && xLeft[top.row] > 0) {
          long v = pop(top);
          if (v != reference(top.ti, top.j, top.resultsOut)) {
            mismatches++;
          }
          top.resultsOut++;
          written++;
          yLeft--;
          portLeft--;
          xLeft[top.row]--;
          progress = true;
          moved = true;
          pointer[PSUM_OUT] = (pointer[PSUM_OUT] + k + 1) % n;
          break;
        }
      }
    }
    return moved;
  }

  private static long pop(Pe pe) {
    long v = pe.outValue[pe.outHead];
    pe.outHead = (pe.outHead + 1) % pe.outReady.length;
    pe.outCount--;
    return v;
  }

  /**
   * The output of chain {@code (ti, j)}'s sum {@code k} computed directly: the read-back sum plus,
   * over the chain's channels and filter rows, filter times ifmap.
   */
  private long reference(int ti, int j, long k) {
    int image = (int) (k / ((long) ps.outputCols() * ps.p()));
    int x = (int) ((k / ps.p()) % ps.outputCols());
    int f = (int) (k % ps.p());
    long perImage = (long) ps.inputCols() * ps.q();
    long sum = readBack(ti, j, k);
    for (int ri = 0; ri < ps.r(); ri++) {
      for (int i = 0; i < ps.filterRows(); i++) {
        int h = j * ps.strideH() + i;
        for (int cq = 0; cq < ps.q(); cq++) {
          for (int s = 0; s < ps.filterCols(); s++) {
            long pos = image * perImage + (long) (x * ps.strideW() + s) * ps.q() + cq;
            sum += filterValue(ti, f, ri, cq, i, s) * ifmapValue(ri, h, pos);
          }
        }
      }
    }
    return sum;
  }

  /** Small operand values, a pure function of where the word belongs. */
  private static long mix(long... parts) {
    long z = 0x5DEECE66DL;
    for (long p : parts) {
      z = (z ^ p) * 0x9E3779B97F4A7C15L;
      z ^= z >>> 29;
    }
    return (z >>> 60) - 8;
  }

  private static long ifmapValue(int ri, int h, long pos) {
    return mix(1, ri, h, pos);
  }

  private static long filterValue(int ti, int f, int ri, int cq, int i, int s) {
    return mix(2, ti, f, ri, cq, i, s);
  }

  private static long readBack(int ti, int j, long k) {
    return mix(3, ti, j, k);
  }

  /**
   * The three input networks: word by word, the networks take turns (in an order rotating by cycle)
   * and each network's streams take turns, while ports, buses and receivers allow.
   */
  private boolean inputNetworks(long c) {
    int[] portLeft = new int[hw.ports()];
    java.util.Arrays.fill(portLeft, hw.portWords());
    int[] yLeft = new int[3];
    int[][] xLeft = new int[3][hw.rows()];
    int[][] tapLeft = new int[3][hw.rows() * hw.cols()];
    for (int net = 0; net < 3; net++) {
      yLeft[net] = hw.busWords()[net];
      java.util.Arrays.fill(xLeft[net], hw.busWords()[net]);
      java.util.Arrays.fill(tapLeft[net], hw.busWords()[net]);
    }
    boolean moved = false;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int k = 0; k < 3; k++) {
        int net = (int) ((c + k) % 3);
        int port = net % hw.ports();
        if (yLeft[net] > 0 && portLeft[port] > 0 && sendOne(net, xLeft[net], tapLeft[net])) {
          yLeft[net]--;
          portLeft[port]--;
          progress = true;
          moved = true;
        }
      }
    }
    return moved;
  }

  /** One word of the next stream of network {@code net} (round robin) that can send one now. */
  private boolean sendOne(int net, int[] xLeft, int[] tapLeft) {
    List<Stream> streams = inputs.get(net);
    int n = streams.size();
    for (int k = 0; k < n; k++) {
      int index = (pointer[net] + k) % n;
      Stream s = streams.get(index);
      if (s.sent < s.words && canSend(net, s, xLeft, tapLeft)) {
        send(net, s, xLeft, tapLeft);
        pointer[net] = (index + 1) % n;
        return true;
      }
    }
    return false;
  }

  private boolean canSend(int net, Stream s, int[] xLeft, int[] tapLeft) {
    for (Pe pe : s.receivers) {
      if (xLeft[pe.row] <= 0 || tapLeft[pe.row * hw.cols() + pe.col] <= 0) {
        return false;
      }
      boolean ok =
          switch (net) {
            case IFMAP -> pe.accepts(s.sent);
            case PSUM_IN -> pe.seedRoom() && pe.filled();
            default -> true;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void send(int net, Stream s, int[] xLeft, int[] tapLeft) {
    // a multicast word crosses each X bus once, whatever the receivers behind it
    boolean[] rowUsed = new boolean[hw.rows()];
    for (Pe pe : s.receivers) {
      if (!rowUsed[pe.row]) {
        rowUsed[pe.row] = true;
        xLeft[pe.row]--;
      }
      tapLeft[pe.row * hw.cols() + pe.col]--;
      switch (net) {
        case IFMAP -> pe.take(s.sent, ifmapValue(s.ri, s.h, s.sent));
        case PSUM_IN -> pe.seed(readBack(s.ri, s.h, s.sent));
        default -> pe.filterGot++;
      }
    }
    s.sent++;
  }
}
