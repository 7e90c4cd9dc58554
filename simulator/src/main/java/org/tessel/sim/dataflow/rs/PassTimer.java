package org.tessel.sim.dataflow.rs;

import static org.tessel.sim.util.IntMath.ceilDiv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.noc.LinkLoad;

/**
 * Cycles of one row-stationary processing pass, with the bus-bound terms taken from the loads the
 * pass puts on the X/Y-bus network (Model A of {@code docs/models/eyeriss/model.md}).
 *
 * <p>A pass of a strip {@code eS} output rows wide (of a set configured {@code e} wide) runs {@code
 * T_pass = T_start + T_steady + T_skew + T_drain}. Each "busiest link" below is {@link
 * LinkLoad#boundCycles()} over the routes of {@link RsNetwork}: a multicast stream charges each
 * multicast link of the union of its routes once, a link without multicast once per receiver; each
 * link needs {@code ceil(words / width)} cycles. On Eyeriss (separate 64-bit buses for every data
 * type, multicast, one read port per input network) the busiest link is the data type's Y bus, so
 * the terms equal the closed forms of the model with {@code B_f = B_i = B_p = 4}.
 *
 * <ul>
 *   <li><b>{@code T_start}</b>: one stream per set copy {@code (ri, ti)} and filter row {@code i}
 *       of {@code p q S} words on the filter network, multicast to every PE of that copy holding
 *       filter row {@code i} (all columns, all fold segments): the distinct filter words {@code W_f
 *       = p t q r R S} cross the filter Y bus once, so the fill alone is {@code ceil(W_f / B_f)}.
 *       At the same time one stream per channel copy {@code ri} and ifmap row {@code h} of {@code q
 *       S} words (the first windows) on the ifmap network, multicast to the PEs {@code (i, j)} with
 *       {@code j U + i = h} in every filter copy: {@code ceil(rows q r S / B_i)}. {@code T_start =
 *       max(busiest link of both loads together, busiest link of the ifmap load + ceil(q S /
 *       spad_wr)) + the longest input route's latency}: the scratchpads must hold the filters and
 *       the first window before the pass starts.
 *   <li><b>{@code T_steady}</b> {@code = max(PE bound, busiest link)}. The PE bound is {@code n F
 *       (p (q S + c_acc) + slide_stall) + (n - 1) row_stall}: one MAC per cycle, plus the ifmap
 *       scratchpad refills that do not fit beside the current window ({@code slide_stall =
 *       ceil(max(0, q U_w - (ifmapWords - q S)) / spad_wr)} per output pixel, {@code row_stall =
 *       ceil(max(0, q S - (ifmapWords - q S)) / spad_wr)} per new image row). The link load: the
 *       whole ifmap, one stream per {@code (ri, h)} of {@code n q W} words multicast as above; the
 *       partial sums, {@code n p F} words per chain from its top PE to the buffer over the psum
 *       output network and as many from the buffer to its bottom PE over the psum input network
 *       (chains: {@code eS t}). On Eyeriss these are {@code ceil(n q r rows W / B_i)} and {@code
 *       ceil(n p eS t F / B_p)}.
 *   <li><b>{@code T_skew}</b>: the partial sums of a chain of {@code R r} PEs climb it one psum
 *       step ({@code q S + L_pipe}) per PE-to-PE link, plus the links' latency: {@code (R r - 1) (q
 *       S + L_pipe)} plus the route latency up the chain.
 *   <li><b>{@code T_drain}</b>: the last {@code p} partial sums of every chain over the psum output
 *       network, {@code L_pipe +} busiest link ({@code ceil(p eS t / B_p)} on Eyeriss) {@code +}
 *       the output route's latency.
 * </ul>
 *
 * The next pass's filter fill does not overlap this pass (the filter scratchpad cannot hold two
 * passes' filters). Timings are memoised by {@code (e, eS, p, q, r, t, n)}; a timer belongs to one
 * layer shape and is not thread-safe.
 */
final class PassTimer {
  private final RsNetwork net;
  private final RsShape shape;
  private final RsHardware hw;
  private final LinkLoad load;
  private final int[][] receivers;
  private final Map<List<Integer>, PassCycles> memo = new HashMap<>();
  private long latency;

  /** The hardware the passes are timed on. */
  RsHardware hardware() {
    return hw;
  }

  PassTimer(RsNetwork net, RsShape shape, RsHardware hw) {
    this.net = net;
    this.shape = shape;
    this.hw = hw;
    this.load = new LinkLoad(net.noc);
    this.receivers = new int[net.rows * net.cols][];
  }

  RsShape shape() {
    return shape;
  }

  /** Cycles of a pass over a strip {@code eS} wide of a mapping whose sets are {@code e} wide. */
  PassCycles time(int e, int eS, int p, int q, int r, int t, int n) {
    List<Integer> key = List.of(e, eS, p, q, r, t, n);
    PassCycles c = memo.get(key);
    if (c == null) {
      c = compute(e, eS, p, q, r, t, n);
      memo.put(key, c);
    }
    return c;
  }

  /** Cycles of {@code mapping} on one layer group for {@code batch} inputs. */
  long groupCycles(RsMapping mp, int batch) {
    long inner =
        (long) mp.batchGroups(batch)
            * mp.channelGroups(shape)
            * mp.outputGroups(shape)
            * mp.filterGroupsPerM();
    long sum = 0;
    for (int k = 0; k < mp.strips(shape); k++) {
      sum += inner * time(mp, mp.stripWidth(shape, k)).total();
    }
    return sum;
  }

  /** Cycles of a pass of {@code mp} over a strip {@code eS} wide. */
  PassCycles time(RsMapping mp, int eS) {
    return time(mp.e(), eS, mp.p(), mp.q(), mp.r(), mp.t(), mp.n());
  }

  private PassCycles compute(int e, int eS, int p, int q, int r, int t, int n) {
    Placement pl = Placement.of(shape, e, r, t, net.rows, net.cols);
    if (pl == null || eS > e) {
      throw new IllegalArgumentException("no placement for e=" + e + " r=" + r + " t=" + t);
    }
    int qs = q * shape.s();
    int free = hw.ifmapSpadWords() - qs;
    int wr = hw.ifmapSpadWritesPerCycle();

    // T_start: filter fill and first ifmap windows
    load.clear();
    latency = 0;
    ifmapStreams(pl, eS, r, t, qs);
    long ifmapFill = load.boundCycles();
    filterStreams(pl, eS, r, t, (long) p * qs);
    long filterFill = load.boundCycles();
    long start = Math.max(filterFill, ifmapFill + ceilDiv(qs, wr)) + latency;

    // T_steady: PE bound against the ifmap and psum streams
    long slideStall = ceilDiv(Math.max(0, q * shape.strideW() - free), wr);
    long rowStall = ceilDiv(Math.max(0, qs - free), wr);
    long macs = (long) n * shape.f() * p * qs;
    long pe =
        (long) n * shape.f() * ((long) p * (qs + hw.accumulateCycles()) + slideStall)
            + (n - 1) * rowStall;
    load.clear();
    ifmapStreams(pl, eS, r, t, (long) n * q * shape.w());
    psumStreams(pl, eS, t, (long) n * p * shape.f(), true);
    long bus = load.boundCycles();
    long steady = Math.max(pe, bus);

    // T_skew: one psum step per PE-to-PE link up a chain
    int[] chain = net.chain(pl.col(0, 0), pl.chainBottom(0, 0), pl.chainTop(0, 0));
    long skew = (long) chain.length * (qs + hw.macPipelineCycles()) + net.noc.latency(chain);

    // T_drain: the last p partial sums of every chain to the buffer
    load.clear();
    latency = 0;
    psumStreams(pl, eS, t, p, false);
    long drain = hw.macPipelineCycles() + load.boundCycles() + latency;
    return new PassCycles(start, steady, skew, drain, filterFill, ifmapFill, pe, bus, macs);
  }

  /** One multicast stream of {@code words} per filter copy, channel copy and filter row. */
  private void filterStreams(Placement pl, int eS, int r, int t, long words) {
    int cols = net.cols;
    for (int ti = 0; ti < t; ti++) {
      for (int ri = 0; ri < r; ri++) {
        for (int i = 0; i < shape.r(); i++) {
          int count = 0;
          for (int j = 0; j < eS; j++) {
            int peIndex = pl.row(ti, ri, j, i) * cols + pl.col(ti, j);
            receivers[count++] = net.filterIn[peIndex];
            latency = Math.max(latency, net.filterInLatency[peIndex]);
          }
          load.addMulticast(receivers, count, words);
        }
      }
    }
  }

  /**
   * One multicast stream of {@code words} per channel copy and ifmap row {@code h}, to the PEs
   * {@code (i, j)} with {@code j U + i = h} of every filter copy.
   */
  private void ifmapStreams(Placement pl, int eS, int r, int t, long words) {
    int cols = net.cols;
    int u = shape.strideH();
    int rr = shape.r();
    int lastRow = (eS - 1) * u + rr;
    for (int ri = 0; ri < r; ri++) {
      for (int h = 0; h < lastRow; h++) {
        int count = 0;
        int jFirst = Math.max(0, ceilDiv(h - rr + 1, u));
        int jLast = Math.min(eS - 1, h / u);
        for (int j = jFirst; j <= jLast; j++) {
          int i = h - j * u;
          for (int ti = 0; ti < t; ti++) {
            int peIndex = pl.row(ti, ri, j, i) * cols + pl.col(ti, j);
            receivers[count++] = net.ifmapIn[peIndex];
            latency = Math.max(latency, net.ifmapInLatency[peIndex]);
          }
        }
        if (count > 0) {
          load.addMulticast(receivers, count, words);
        }
      }
    }
  }

  /**
   * {@code words} from every chain's top PE to the buffer, and as many back to its bottom PE when
   * {@code readBack}.
   */
  private void psumStreams(Placement pl, int eS, int t, long words, boolean readBack) {
    int cols = net.cols;
    for (int ti = 0; ti < t; ti++) {
      for (int j = 0; j < eS; j++) {
        int col = pl.col(ti, j);
        int top = pl.chainTop(ti, j) * cols + col;
        load.add(net.psumOut[top], words);
        latency = Math.max(latency, net.psumOutLatency[top]);
        if (readBack) {
          load.add(net.psumIn[pl.chainBottom(ti, j) * cols + col], words);
        }
      }
    }
  }
}
