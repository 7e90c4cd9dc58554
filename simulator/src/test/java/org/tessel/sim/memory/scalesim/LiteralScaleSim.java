package org.tessel.sim.memory.scalesim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.workload.Layer;

/**
 * A deliberately literal, slow port of SCALE-Sim v2's memory system for tiny layers, written
 * against the spec (docs/validation.md) and independent of the event-jumping model: it builds the
 * full demand and prefetch matrices with absolute addresses, keeps the read buffer's lines as hash
 * sets and scans the window, writes the ofmap one element at a time and visits every demand row.
 * Groups run as separate GEMMs on their own channel slice (absolute addresses), batch images at
 * their own input offset, padding reads nothing.
 */
public final class LiteralScaleSim {
  private LiteralScaleSim() {}

  /**
   * Total and Stall Cycles and the DETAILED report's 18 numbers (SRAM ifmap, filter, ofmap; DRAM
   * ifmap, filter, ofmap: start, stop, count each).
   *
   * @param totalCycles SCALE-Sim's Total Cycles
   * @param stallCycles SCALE-Sim's Stall Cycles
   * @param detailed the 18 DETAILED columns
   */
  // A result holder: never compared or hashed (tests read the columns by index), so the array's
  // identity equality cannot mislead.
  @SuppressWarnings("ArrayRecordComponent")
  public record Result(long totalCycles, long stallCycles, long[] detailed) {}

  /** Runs {@code layer} for {@code batch} images on {@code hw}. */
  public static Result run(Layer layer, int batch, HardwareSpec hw) {
    long total = -1;
    long stall = 0;
    long[] det = new long[18];
    for (int g = 0; g < layer.groups(); g++) {
      long offset = total + 1;
      Result r = gemm(layer, batch, hw, g);
      for (int s = 0; s < 6; s++) {
        if (g == 0) {
          det[3 * s] = r.detailed()[3 * s];
        }
        det[3 * s + 1] = r.detailed()[3 * s + 1] + offset;
        det[3 * s + 2] += r.detailed()[3 * s + 2];
      }
      total = offset + r.totalCycles();
      stall += r.stallCycles();
    }
    return new Result(total, stall, det);
  }

  private static Result gemm(Layer l, int batch, HardwareSpec hw, int g) {
    String df = hw.dataflow().shortName();
    int rows = hw.array().rows();
    int cols = hw.array().cols();
    int cg = l.inC() / l.groups();
    int fg = l.outC() / l.groups();
    int win = l.kernelH() * l.kernelW() * cg;
    int npix = l.outH() * l.outW() * batch;
    // operand matrices with absolute addresses
    int[][] im2col = new int[npix][win];
    for (int p = 0; p < npix; p++) {
      int b = p / (l.outH() * l.outW());
      int q = p % (l.outH() * l.outW());
      int oy = q / l.outW();
      int ox = q % l.outW();
      for (int k = 0; k < win; k++) {
        int ky = k / (l.kernelW() * cg);
        int kx = (k % (l.kernelW() * cg)) / cg;
        int c = k % cg;
        int y = oy * l.strideH() - l.padH() + ky;
        int x = ox * l.strideW() - l.padW() + kx;
        im2col[p][k] =
            y < 0 || y >= l.inH() || x < 0 || x >= l.inW()
                ? -1
                : b * l.inH() * l.inW() * l.inC() + (y * l.inW() + x) * l.inC() + g * cg + c;
      }
    }
    int[][] filt = new int[win][fg];
    for (int k = 0; k < win; k++) {
      for (int f = 0; f < fg; f++) {
        filt[k][f] = 1_000_000_000 + g * fg * win + f * win + k;
      }
    }
    int sr;
    int sc;
    int t;
    switch (df) {
      case "os" -> {
        sr = npix;
        sc = fg;
        t = win;
      }
      case "ws" -> {
        sr = win;
        sc = fg;
        t = npix;
      }
      default -> {
        sr = win;
        sc = npix;
        t = fg;
      }
    }
    int rowFolds = (sr + rows - 1) / rows;
    int colFolds = (sc + cols - 1) / cols;
    int foldLen = df.equals("os") ? t + rows + cols - 2 : 2 * rows + t + cols - 2;
    int n = rowFolds * colFolds * foldLen;
    boolean os = df.equals("os");
    boolean ws = df.equals("ws");
    int ifw = df.equals("is") ? cols : rows;
    int flw = df.equals("is") ? rows : cols;
    int[][] ifd = filled(n, ifw);
    int[][] fld = filled(n, flw);
    int[] ofd = new int[n];
    int base = 0;
    for (int fc = 0; fc < colFolds; fc++) {
      for (int fr = 0; fr < rowFolds; fr++) {
        int ru = Math.min(rows, sr - fr * rows);
        int cu = Math.min(cols, sc - fc * cols);
        for (int j = 0; j < foldLen; j++) {
          int i = base + j;
          if (os) {
            for (int r = 0; r < ru; r++) {
              if (j - r >= 0 && j - r < t) {
                ifd[i][r] = im2col[fr * rows + r][j - r];
              }
            }
            for (int c = 0; c < cu; c++) {
              if (j - c >= 0 && j - c < t) {
                fld[i][c] = filt[j - c][fc * cols + c];
              }
            }
          } else if (ws) {
            for (int r = 0; r < ru; r++) {
              int u = j - r - rows;
              if (u >= 0 && u < t) {
                ifd[i][r] = im2col[u][fr * rows + r];
              }
            }
            int rr = rows - 1 - j;
            if (j < rows && rr < ru) {
              for (int c = 0; c < cu; c++) {
                fld[i][c] = filt[fr * rows + rr][fc * cols + c];
              }
            }
          } else {
            int rr = rows - 1 - j;
            if (j < rows && rr < ru) {
              for (int c = 0; c < cu; c++) {
                ifd[i][c] = im2col[fc * cols + c][fr * rows + rr];
              }
            }
            for (int r = 0; r < ru; r++) {
              int u = j - r - rows;
              if (u >= 0 && u < t) {
                fld[i][r] = filt[fr * rows + r][u];
              }
            }
          }
          int a = os ? t - 1 + rows - ru : 2 * rows - 1;
          int bEnd = os ? t - 1 + rows : 2 * rows - 1 + t;
          int cnt = 0;
          for (int c = 0; c < cu; c++) {
            if (j - c >= a && j - c < bEnd) {
              cnt++;
            }
          }
          ofd[i] = cnt;
        }
        base += foldLen;
      }
    }
    // prefetch matrices (USER)
    boolean user = hw.dram().mode() == BandwidthMode.USER;
    int bw = hw.dram().bandwidthWordsPerCycle();
    int[][] ifPre;
    int[][] flPre;
    boolean ifDiag;
    boolean flDiag;
    switch (df) {
      case "os" -> {
        ifPre = new int[rowFolds * t][rows];
        for (int fr = 0; fr < rowFolds; fr++) {
          for (int u = 0; u < t; u++) {
            for (int r = 0; r < rows; r++) {
              ifPre[fr * t + u][r] = fr * rows + r < sr ? im2col[fr * rows + r][u] : -1;
            }
          }
        }
        flPre = new int[colFolds * t][cols];
        for (int fc = 0; fc < colFolds; fc++) {
          for (int u = 0; u < t; u++) {
            for (int c = 0; c < cols; c++) {
              flPre[fc * t + u][c] = fc * cols + c < sc ? filt[u][fc * cols + c] : -1;
            }
          }
        }
        ifDiag = true;
        flDiag = true;
      }
      case "ws" -> {
        ifPre = new int[rowFolds * t][rows];
        for (int fr = 0; fr < rowFolds; fr++) {
          for (int u = 0; u < t; u++) {
            for (int r = 0; r < rows; r++) {
              ifPre[fr * t + u][r] = fr * rows + r < sr ? im2col[u][fr * rows + r] : -1;
            }
          }
        }
        flPre = new int[colFolds * sr][cols];
        for (int fc = 0; fc < colFolds; fc++) {
          for (int k = 0; k < sr; k++) {
            for (int c = 0; c < cols; c++) {
              flPre[fc * sr + k][c] = fc * cols + c < sc ? filt[k][fc * cols + c] : -1;
            }
          }
        }
        ifDiag = true;
        flDiag = false;
      }
      default -> {
        ifPre = new int[colFolds * sr][cols];
        for (int fc = 0; fc < colFolds; fc++) {
          for (int k = 0; k < sr; k++) {
            for (int c = 0; c < cols; c++) {
              ifPre[fc * sr + k][c] = fc * cols + c < sc ? im2col[fc * cols + c][k] : -1;
            }
          }
        }
        flPre = new int[rowFolds * t][rows];
        for (int fr = 0; fr < rowFolds; fr++) {
          for (int u = 0; u < t; u++) {
            for (int r = 0; r < rows; r++) {
              flPre[fr * t + u][r] = fr * rows + r < sr ? filt[fr * rows + r][u] : -1;
            }
          }
        }
        ifDiag = false;
        flDiag = true;
      }
    }
    // SCALE-Sim v3: ifmap and filter DRAM reads at the [layout] bank bandwidths
    boolean v3 = hw.memoryModel() == MemoryModel.SCALESIM_V3;
    int ifBw = v3 ? hw.dram().ifmapReadWordsPerCycle() : bw;
    int flBw = v3 ? hw.dram().filterReadWordsPerCycle() : bw;
    ReadBuf ifBuf =
        user
            ? new ReadBuf(
                hw.sram().ifmapWords(),
                ifBw,
                flatten(ifPre, ifDiag),
                (long) ifPre.length * ifPre[0].length,
                v3)
            : null;
    ReadBuf flBuf =
        user
            ? new ReadBuf(
                hw.sram().filterWords(),
                flBw,
                flatten(flPre, flDiag),
                (long) flPre.length * flPre[0].length,
                v3)
            : null;
    WriteBuf wb = new WriteBuf(hw.sram().ofmapWords(), user ? bw : cols);
    long stall = 0;
    long[] ifOut = new long[n];
    long[] flOut = new long[n];
    long[] ofOut = new long[n];
    long[] cycleOf = new long[n];
    for (int i = 0; i < n; i++) {
      long cycle = i + stall;
      cycleOf[i] = cycle;
      long oi = user ? ifBuf.service(ifd[i], cycle) : cycle + 1;
      long of = user ? flBuf.service(fld[i], cycle) : cycle + 1;
      long oo = cycle;
      for (int e = 0; e < ofd[i]; e++) {
        oo = wb.writeOne(oo);
      }
      ifOut[i] = oi;
      flOut[i] = of;
      ofOut[i] = oo;
      stall += Math.max(oi - cycle - 1, Math.max(of - cycle - 1, oo - cycle));
    }
    long total = ofOut[n - 1];
    wb.emptyAll(total);
    long[] det = new long[18];
    int[] ifRange = validRange(ifd);
    int[] flRange = validRange(fld);
    int ofFirst = -1;
    int ofLast = -1;
    long ofWritesCounted = 0;
    for (int i = 0; i < n; i++) {
      if (ofd[i] > 0) {
        ofLast = i;
        if (ofFirst < 0) {
          ofFirst = i;
        }
      }
      ofWritesCounted += ofd[i];
    }
    long nf = (long) rowFolds * colFolds;
    long ifReads;
    long flReads;
    long ofWrites;
    switch (df) {
      case "os" -> {
        ifReads = (long) colFolds * sr * t;
        flReads = (long) rowFolds * t * sc;
        ofWrites = ofWritesCounted + nf * (rows + cols);
      }
      case "ws" -> {
        ifReads = (long) colFolds * t * sr;
        flReads = (long) sr * sc;
        ofWrites = ofWritesCounted;
      }
      default -> {
        ifReads = (long) sr * sc;
        flReads = (long) colFolds * sr * t;
        ofWrites = ofWritesCounted;
      }
    }
    // an operand without any address (all padding) reports a 0..0 window
    put(
        det,
        0,
        ifRange[0] < 0 ? 0 : ifOut[ifRange[0]],
        ifRange[0] < 0 ? 0 : ifOut[ifRange[1]],
        ifReads);
    put(det, 1, flOut[flRange[0]], flOut[flRange[1]], flReads);
    put(det, 2, ofOut[ofFirst], ofOut[ofLast], ofWrites);
    if (user) {
      put(det, 3, ifBuf.dramStart, ifBuf.last, ifBuf.numAccess);
      put(det, 4, flBuf.dramStart, flBuf.last, flBuf.numAccess);
    } else {
      long[] e = estimate(ifd, cycleOf, hw.sram().ifmapWords());
      put(det, 3, e[0], e[1], e[2]);
      e = estimate(fld, cycleOf, hw.sram().filterWords());
      put(det, 4, e[0], e[1], e[2]);
    }
    // v2 reports the last drain's end, v3 the latest one (np.amax over the trace)
    put(det, 5, wb.first, v3 ? wb.latestCycle : wb.lastCycle, wb.numAccess);
    return new Result(total, stall, det);
  }

  private static void put(long[] det, int stream, long start, long stop, long count) {
    det[3 * stream] = start;
    det[3 * stream + 1] = stop;
    det[3 * stream + 2] = count;
  }

  private static int[][] filled(int n, int w) {
    int[][] m = new int[n][w];
    for (int[] row : m) {
      java.util.Arrays.fill(row, -1);
    }
    return m;
  }

  private static int[] validRange(int[][] m) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < m.length; i++) {
      for (int a : m[i]) {
        if (a != -1) {
          if (first < 0) {
            first = i;
          }
          last = i;
          break;
        }
      }
    }
    return new int[] {first, last};
  }

  private static List<Integer> flatten(int[][] p, boolean diag) {
    List<Integer> out = new ArrayList<>();
    int m = p.length;
    int nc = p[0].length;
    if (!diag) {
      for (int[] row : p) {
        for (int a : row) {
          out.add(a);
        }
      }
      return out;
    }
    for (int d = 0; d < m + nc - 1; d++) {
      for (int r = Math.min(d, m - 1); r >= Math.max(0, d - nc + 1); r--) {
        out.add(p[r][d - r]);
      }
    }
    return out;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** read_buffer.py, USER: lines as sets, window scanned line by line. */
  private static final class ReadBuf {
    final List<Set<Integer>> lines = new ArrayList<>();
    final long active;
    final long prefetch;
    final int bw;
    final int a;
    final int p;
    int s;
    int e;
    long last = -1;
    final long dramStart;
    long numAccess;
    final boolean v3;

    ReadBuf(long total, int bw, List<Integer> flat, long size, boolean v3) {
      this.v3 = v3;
      this.active = (total + 1) / 2;
      this.prefetch = total - active;
      this.bw = bw;
      long eps = ceilDiv(total, 100);
      Set<Integer> cur = new HashSet<>();
      long ctr = 0;
      for (int x : flat) {
        if (x == -1) {
          continue;
        }
        cur.add(x);
        if (++ctr >= eps) {
          lines.add(cur);
          cur = new HashSet<>();
          ctr = 0;
        }
      }
      lines.add(cur);
      int n = lines.size();
      a = (int) Math.min(ceilDiv(active, eps), n);
      p = (int) Math.min(ceilDiv(prefetch, eps), n - a);
      s = 0;
      e = a;
      long k0 = Math.min(ceilDiv(active, bw), ceilDiv(size, bw));
      dramStart = -k0;
      numAccess = k0 * bw;
    }

    boolean hit(int addr) {
      int n = lines.size();
      if (s < e) {
        for (int l = s; l < e; l++) {
          if (lines.get(l).contains(addr)) {
            return true;
          }
        }
        return false;
      }
      for (int l = s; l < n; l++) {
        if (lines.get(l).contains(addr)) {
          return true;
        }
      }
      for (int l = 0; l < e; l++) {
        if (lines.get(l).contains(addr)) {
          return true;
        }
      }
      return false;
    }

    long service(int[] row, long cycle) {
      long offset = 1;
      for (int addr : row) {
        if (addr == -1) {
          continue;
        }
        int guard = 0;
        while (!hit(addr)) {
          if (++guard > 10_000) {
            throw new IllegalStateException("no progress");
          }
          int n = lines.size();
          s = (s + p) % n;
          e = (s + a) % n;
          last += ceilDiv(prefetch, bw) + 1;
          numAccess += ceilDiv(prefetch, bw) * bw;
          long pot = last - (cycle + offset);
          if (v3) { // v3's default path still has the line v2 removed in 22f88b1
            offset += pot;
          }
          if (pot > 0) { // v2 22f88b1: a prefetch that completes early does not move the answer
            offset += pot;
          }
        }
      }
      return cycle + offset;
    }
  }

  /** write_buffer.py, one element at a time. */
  private static final class WriteBuf {
    final long active;
    final int bw;
    final long linesPerDrain;
    long free;
    final List<Integer> lines = new ArrayList<>();
    int lineIdx;
    int dstart;
    long drainEnd;
    long numAccess;
    long first = Long.MIN_VALUE;
    long lastCycle;
    long latestCycle = Long.MIN_VALUE;

    WriteBuf(long total, int bw) {
      this.active = (total + 1) / 2;
      this.bw = bw;
      this.linesPerDrain = ceilDiv(total - active, bw);
      this.free = total;
    }

    long writeOne(long cur) {
      free--;
      if (++lineIdx == bw) {
        lines.add(bw);
        lineIdx = 0;
      }
      if (cur < drainEnd) {
        if (free <= 0) {
          return drainEnd;
        }
      } else if (free < active) {
        flush();
        drainEnd = drain(cur);
      }
      return cur;
    }

    void flush() {
      if (lineIdx > 0) {
        lines.add(lineIdx);
        lineIdx = 0;
      }
    }

    long drain(long start) {
      int end = (int) Math.min(dstart + linesPerDrain, lines.size());
      int num = end - dstart;
      long data = (long) num * bw - (bw - lines.get(end - 1));
      numAccess += data;
      if (first == Long.MIN_VALUE) {
        first = start;
      }
      lastCycle = start + num - 1;
      latestCycle = Math.max(latestCycle, lastCycle);
      free += data;
      dstart = end;
      return start + num - 1;
    }

    void emptyAll(long c) {
      flush();
      while (dstart < lines.size()) {
        drainEnd = drain(c);
        c = drainEnd + 1;
      }
    }
  }

  /** read_buffer_estimate_bw.py: returns start, stop, reads. */
  private static long[] estimate(int[][] demand, long[] cycleOf, long total) {
    long items = Math.max(1, total / 100);
    Map<Integer, Long> latest = new HashMap<>();
    long curId = 0;
    long cnt = 0;
    long rbStart = 0;
    long rbEnd = 49;
    long pfStart = -1;
    boolean done = false;
    long lastS = -2;
    long lastE = -1;
    Long firstCycle = null;
    Long traceFirst = null;
    long reads = 0;
    for (int i = 0; i < demand.length; i++) {
      boolean any = false;
      for (int a : demand[i]) {
        any |= a != -1;
      }
      if (!any) {
        continue;
      }
      long cyc = cycleOf[i];
      if (firstCycle == null) {
        firstCycle = cyc;
      }
      for (int a : demand[i]) {
        if (a == -1 || latest.getOrDefault(a, -1L) >= rbStart) {
          continue;
        }
        latest.put(a, curId);
        if (++cnt == items) {
          cnt = 0;
          curId++;
          if (curId == rbEnd + 1) {
            if (!done) {
              lastE = firstCycle - 2;
              lastS = lastE - ceilDiv(50 * items, 10) + 1;
              reads += 50 * items;
              pfStart = rbEnd + 1;
              done = true;
            } else {
              reads += 50 * items;
              pfStart += 50;
            }
            if (traceFirst == null) {
              traceFirst = lastS + 1;
            }
            rbStart += 50;
            rbEnd += 50;
            lastS = lastE + 1;
            lastE = cyc;
          }
        }
      }
    }
    long pending = curId * items + cnt;
    if (cnt == 0) {
      curId--;
    }
    if (!done) {
      lastE = -2;
      lastS = lastE - ceilDiv((curId + 1) * items, 10) + 1;
      reads += pending;
    } else {
      reads += pending - pfStart * items;
    }
    if (traceFirst == null) {
      traceFirst = lastS + 1;
    }
    long traceLast = lastE + 1;
    return new long[] {traceFirst, traceLast, reads};
  }
}
