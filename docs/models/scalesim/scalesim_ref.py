#!/usr/bin/env python3
"""Reference re-implementation of SCALE-Sim v2's per-layer report numbers (no numpy).

Reproduces, per layer, COMPUTE_REPORT (Total Cycles, Stall Cycles, Overall Util %, Mapping
Efficiency %, Compute Util %), BANDWIDTH_REPORT and DETAILED_ACCESS_REPORT (SRAM and DRAM
start/stop/count columns) for InterfaceBandwidth CALC and USER, conv and gemm topologies.

Model source: scalesim-project/scale-sim-v2 (single_layer_sim.py, compute/systolic_compute_*.py,
compute/operand_matrix.py, memory/double_buffered_scratchpad_mem.py, memory/read_buffer.py,
memory/read_buffer_estimate_bw.py, memory/write_buffer.py (the variant without the stall-on-drain
change), memory/read_port.py (latency 1), memory/write_port.py (latency 0)).
See scalesim-model.md next to this file for the spec.

Usage:
  python3 scalesim_ref.py CASE_DIR [--no-dram] [--layers 0,1]   -> prints reports + diff
  python3 scalesim_ref.py --all [--max-rows N] [--no-dram]          -> table over all cases
"""
import bisect
import configparser
import math
import os
import sys
import time

VALID = '/work/shared/validation/scalesim'


# ----------------------------------------------------------------------------------------------
# Config / topology
# ----------------------------------------------------------------------------------------------
class Cfg:
    def __init__(self, path):
        cp = configparser.ConfigParser()
        cp.read(path)
        a = 'architecture_presets'
        self.R = int(cp.get(a, 'ArrayHeight'))
        self.C = int(cp.get(a, 'ArrayWidth'))
        self.ifmap_kb = int(cp.get(a, 'ifmapsramszkB'))
        self.filter_kb = int(cp.get(a, 'filtersramszkB'))
        self.ofmap_kb = int(cp.get(a, 'ofmapsramszkB'))
        self.ifmap_off = int(cp.get(a, 'IfmapOffset'))
        self.filter_off = int(cp.get(a, 'FilterOffset'))
        self.ofmap_off = int(cp.get(a, 'OfmapOffset'))
        self.df = cp.get(a, 'Dataflow').strip()
        self.user_bw = cp.get('run_presets', 'InterfaceBandwidth').strip() == 'USER'
        self.bw = [int(x.strip()) for x in cp.get(a, 'Bandwidth').strip().split(',')][0] \
            if self.user_bw else None


def load_topology(path, gemm=False):
    """Mirror of topology_utils.load_arrays_{conv,gemm}: returns [name,H,W,Fh,Fw,Ch,Nf,sh,sw]."""
    layers = []
    with open(path) as f:
        first = True
        for row in f:
            row = row.strip()
            if first:
                first = False
                continue
            if row == '':
                continue
            elems = row.split(',')[:-1]          # NOTE: last field dropped (trailing comma expected)
            if gemm:
                name, m, n, k = elems[0].strip(), elems[1].strip(), elems[2].strip(), elems[3].strip()
                elems = [name, m, k, 1, k, 1, n, 1, 1]
                layers.append(_entry(elems))
            elif 'DP' in elems[0].strip():
                for dp in range(int(elems[5].strip())):
                    e = list(elems)
                    e[0] = elems[0].strip() + 'Channel_' + str(dp)
                    e[5] = '1'
                    layers.append(_entry(e))
            else:
                layers.append(_entry(elems))
    return layers


def _entry(elems):
    entry = [str(elems[0]).strip()]
    for i in range(1, len(elems)):
        v = int(str(elems[i]).strip())
        entry.append(v)
        if i == 7 and len(elems) < 9:
            entry.append(v)
    return entry


# ----------------------------------------------------------------------------------------------
# Layer geometry and operand matrices
# ----------------------------------------------------------------------------------------------
class Layer:
    def __init__(self, entry, cfg):
        _, H, W, Fh, Fw, Ch, Nf, sh, sw = entry[:9]
        self.H, self.W, self.Fh, self.Fw, self.Ch, self.Nf, self.sh, self.sw = H, W, Fh, Fw, Ch, Nf, sh, sw
        self.Eh = int(math.ceil((H - Fh + sh) / sh))
        self.Ew = int(math.ceil((W - Fw + sw) / sw))
        self.npix = self.Eh * self.Ew              # ofmap pixels per filter
        self.win = Fh * Fw * Ch                    # conv window size
        self.num_compute = self.npix * Nf * self.win
        self.cfg = cfg
        self._ifm = None

    def ifmap_op(self):
        """Flat im2col matrix, ifm[p*win + k] = address or -1 (operand_matrix.calc_ifmap_elem_addr)."""
        if self._ifm is not None:
            return self._ifm
        H, W, Ch, Fw = self.H, self.W, self.Ch, self.Fw
        off = self.cfg.ifmap_off
        ks = []
        for k in range(self.win):
            c_row = k // (Fw * Ch)
            kk = k % (Fw * Ch)
            c_col = kk // Ch
            c_ch = kk % Ch
            ks.append((c_row, c_col, c_row * W * Ch + c_col * Ch + c_ch))
        out = []
        for p in range(self.npix):
            i_row = (p // self.Ew) * self.sh
            i_col = (p % self.Ew) * self.sw
            base = i_row * W * Ch + i_col * Ch + off
            if i_row + self.Fh <= H and i_col + Fw <= W:
                out.extend([base + t[2] for t in ks])
            else:
                out.extend([(-1 if (t[0] + i_row >= H or t[1] + i_col >= W) else base + t[2]) for t in ks])
        self._ifm = out
        return out

    def filt(self, k, f):
        return self.cfg.filter_off + f * self.win + k


# ----------------------------------------------------------------------------------------------
# Dataflow description: folds, per-row demand addresses, prefetch order, counters
# ----------------------------------------------------------------------------------------------
class Dataflow:
    def __init__(self, layer, cfg):
        self.L = layer
        self.cfg = cfg
        R, C = cfg.R, cfg.C
        self.R, self.C = R, C
        df = cfg.df
        self.df = df
        if df == 'os':
            self.Sr, self.Sc, self.T = layer.npix, layer.Nf, layer.win
        elif df == 'ws':
            self.Sr, self.Sc, self.T = layer.win, layer.Nf, layer.npix
        else:  # is
            self.Sr, self.Sc, self.T = layer.win, layer.npix, layer.Nf
        self.row_fold = math.ceil(self.Sr / R)
        self.col_fold = math.ceil(self.Sc / C)
        if df == 'os':
            self.fold_len = self.T + R + C - 2
        else:
            self.fold_len = 2 * R + self.T + C - 2
        self.folds = []   # (fc, fr, ru, cu) in SCALE-Sim order: fc outer, fr inner
        for fc in range(self.col_fold):
            for fr in range(self.row_fold):
                ru = min(R, self.Sr - fr * R)
                cu = min(C, self.Sc - fc * C)
                self.folds.append((fc, fr, ru, cu))
        self.N = len(self.folds) * self.fold_len   # demand rows; Total Cycles (no stall) = N - 1

    # ---- report counters (closed form) ----
    def sram_counts(self):
        R, C, Sr, Sc, T = self.R, self.C, self.Sr, self.Sc, self.T
        nf = len(self.folds)
        if self.df == 'os':
            ifr = self.col_fold * Sr * T
            flr = self.row_fold * T * Sc
            ofw = Sr * Sc + nf * (R + C)          # SCALE-Sim bug: adds rows+cols per fold
        elif self.df == 'ws':
            ifr = self.col_fold * T * Sr
            flr = Sr * Sc
            ofw = self.row_fold * T * Sc
        else:
            ifr = Sr * Sc
            flr = self.col_fold * Sr * T
            ofw = self.row_fold * Sc * T
        return ifr, flr, ofw

    def util(self):
        R, C, T = self.R, self.C, self.T
        me, cu_l = [], []
        if self.df == 'os':
            cyc = T + R + C - 2
        else:
            cyc = 2 * R + 2 * C + T - 3          # filter (ws) / ifmap (is) fold demand rows + C - 1
        for (fc, fr, ru, cu) in self.folds:
            mac = ru * cu
            me.append(mac / (R * C))
            cu_l.append((mac * T) / (R * C * cyc))
        return sum(me) / len(me) * 100, sum(cu_l) / len(cu_l) * 100

    # ---- ofmap valid entries per demand row of one fold ----
    def ofmap_counts_fold(self, ru, cu):
        R, C, T = self.R, self.C, self.T
        if self.df == 'os':
            a, b = T - 1 + (R - ru), T - 1 + R
        else:
            a, b = 2 * R - 1, 2 * R - 1 + T
        out = []
        for j in range(self.fold_len):
            lo = max(0, j - b + 1)
            hi = min(cu - 1, j - a)
            out.append(hi - lo + 1 if hi >= lo else 0)
        return out

    # ---- demand address streams (row-major over the demand matrix, -1 dropped) ----
    def ifmap_rows(self):
        """yield (global_row, [addr,...]) for rows with at least one valid ifmap address."""
        ifm = self.L.ifmap_op()
        win = self.L.win
        R, C, T = self.R, self.C, self.T
        base = 0
        for (fc, fr, ru, cu) in self.folds:
            if self.df == 'os':
                # row j, col r: im2col[fr*R + r][j - r]
                p0 = fr * R
                for j in range(T + ru - 1):
                    rlo = max(0, j - T + 1)
                    rhi = min(ru - 1, j)
                    row = [ifm[(p0 + r) * win + (j - r)] for r in range(rlo, rhi + 1)]
                    row = [x for x in row if x != -1]
                    if row:
                        yield base + j, row
            elif self.df == 'ws':
                # row j, col r: im2col[j - r - R][fr*R + r]
                k0 = fr * R
                for j in range(R, R + T + ru - 1):
                    rlo = max(0, j - R - T + 1)
                    rhi = min(ru - 1, j - R)
                    row = [ifm[(j - r - R) * win + k0 + r] for r in range(rlo, rhi + 1)]
                    row = [x for x in row if x != -1]
                    if row:
                        yield base + j, row
            else:
                # rows j < R: window index fr*R + (R-1-j), cols c: pixel fc*C + c
                for j in range(R):
                    rr = R - 1 - j
                    if rr >= ru:
                        continue
                    k = fr * R + rr
                    p0 = fc * C
                    row = [ifm[(p0 + c) * win + k] for c in range(cu)]
                    row = [x for x in row if x != -1]
                    if row:
                        yield base + j, row
            base += self.fold_len

    def filter_rows(self):
        R, C, T = self.R, self.C, self.T
        foff = self.cfg.filter_off
        win = self.L.win
        base = 0
        for (fc, fr, ru, cu) in self.folds:
            if self.df == 'os':
                # row j, col c: filter[k = j - c][f = fc*C + c]
                f0 = fc * C
                for j in range(T + cu - 1):
                    clo = max(0, j - T + 1)
                    chi = min(cu - 1, j)
                    yield base + j, [foff + (f0 + c) * win + (j - c) for c in range(clo, chi + 1)]
            elif self.df == 'ws':
                # rows j < R: k = fr*R + R-1-j, cols c: f = fc*C + c
                for j in range(R):
                    rr = R - 1 - j
                    if rr >= ru:
                        continue
                    k = fr * R + rr
                    yield base + j, [foff + (fc * C + c) * win + k for c in range(cu)]
            else:
                # row j, col r: filter[k = fr*R + r][f = j - r - R]
                k0 = fr * R
                for j in range(R, R + T + ru - 1):
                    rlo = max(0, j - R - T + 1)
                    rhi = min(ru - 1, j - R)
                    yield base + j, [foff + (j - r - R) * win + k0 + r for r in range(rlo, rhi + 1)]
            base += self.fold_len

    # ---- prefetch order (USER mode): flattened prefetch matrix, -1 kept; returns (list, size) ----
    def prefetch_order(self, which):
        R, C, T, Sr, Sc = self.R, self.C, self.T, self.Sr, self.Sc
        ifm = self.L.ifmap_op() if which == 'ifmap' else None
        win = self.L.win
        foff = self.cfg.filter_off
        df = self.df
        # Build P as list of rows
        P = []
        diag = True
        if which == 'ifmap':
            if df == 'os':      # (row_fold*T) x R : P[fr*T+t][r] = im2col[fr*R+r][t]
                for fr in range(self.row_fold):
                    for t in range(T):
                        P.append([ifm[(fr * R + r) * win + t] if fr * R + r < Sr else -1 for r in range(R)])
            elif df == 'ws':    # (row_fold*npix) x R : P[fr*T+t][r] = im2col[t][fr*R+r]
                for fr in range(self.row_fold):
                    for t in range(T):
                        P.append([ifm[t * win + fr * R + r] if fr * R + r < Sr else -1 for r in range(R)])
            else:               # (col_fold*win) x C : P[fc*Sr+k][c] = im2col[fc*C+c][k], no diag
                diag = False
                for fc in range(self.col_fold):
                    for k in range(Sr):
                        P.append([ifm[(fc * C + c) * win + k] if fc * C + c < Sc else -1 for c in range(C)])
        else:
            if df == 'os':      # (col_fold*T) x C : P[fc*T+t][c] = filt[t][fc*C+c]
                for fc in range(self.col_fold):
                    for t in range(T):
                        P.append([foff + (fc * C + c) * win + t if fc * C + c < Sc else -1 for c in range(C)])
            elif df == 'ws':    # (col_fold*win) x C, no diag
                diag = False
                for fc in range(self.col_fold):
                    for k in range(Sr):
                        P.append([foff + (fc * C + c) * win + k if fc * C + c < Sc else -1 for c in range(C)])
            else:               # (row_fold*Nf) x R : P[fr*T+t][r] = filt[fr*R+r][t]
                for fr in range(self.row_fold):
                    for t in range(T):
                        P.append([foff + t * win + fr * R + r if fr * R + r < Sr else -1 for r in range(R)])
        M = len(P)
        Ncol = len(P[0])
        if not diag:
            flat = [x for row in P for x in row]
        else:
            flat = []
            for d in range(M + Ncol - 1):
                rmax = min(d, M - 1)
                rmin = max(0, d - Ncol + 1)
                for rid in range(rmax, rmin - 1, -1):
                    flat.append(P[rid][d - rid])
        return flat, M * Ncol


# ----------------------------------------------------------------------------------------------
# Memory models
# ----------------------------------------------------------------------------------------------
class UserReadBuffer:
    """memory/read_buffer.py (USER bandwidth).  Timing-only reimplementation."""

    def __init__(self, size_kb, bw, flat, nelems):
        total = size_kb * 1024                 # word_size = 1 byte
        self.active_size = int(math.ceil(total * 0.5))
        self.prefetch_size = total - self.active_size
        self.bw = bw
        eps = int(math.ceil(total / 100))     # elems per hashed "line" (set)
        # hashed lines: consecutive chunks of eps non -1 entries of the flattened prefetch matrix
        lines_of = {}
        line_id = 0
        ctr = 0
        for a in flat:
            if a != -1:
                l = lines_of.get(a)
                if l is None:
                    lines_of[a] = [line_id]
                elif l[-1] != line_id:
                    l.append(line_id)
                ctr += 1
                if ctr >= eps:
                    line_id += 1
                    ctr = 0
        self.num_lines = line_id + 1          # (the last, possibly empty, line always exists)
        self.lines_of = lines_of
        max_act = int(math.ceil(self.active_size / eps))
        max_pf = int(math.ceil(self.prefetch_size / eps))
        self.A = min(max_act, self.num_lines)
        self.P = min(max_pf, self.num_lines - self.A)
        fetch_rows = int(math.ceil(nelems / bw))
        init_lines = min(int(math.ceil(self.active_size / bw)), fetch_rows)
        self.dram_start = -init_lines        # response cycle of first initial-prefetch row
        self.last_pf = -1                    # response cycle of last initial-prefetch row
        self.num_access = init_lines * bw
        self.pf_lines = int(math.ceil(self.prefetch_size / bw))
        self.n_prefetch = 0

    def walk(self, rows):
        """Returns {row: last_prefetch_cycle} for rows that triggered >= 1 new_prefetch,
        plus first/last rows with data."""
        lines_of = self.lines_of
        n, A, P = self.num_lines, self.A, self.P
        s, e = 0, A
        last = self.last_pf
        step = self.pf_lines + 1
        events = {}
        first_row = last_row = None
        npf = 0
        bl = bisect.bisect_left
        for i, addrs in rows:
            if first_row is None:
                first_row = i
            last_row = i
            ev = False
            for a in addrs:
                L = lines_of[a]
                while True:
                    if s < e:
                        idx = bl(L, s)
                        hit = idx < len(L) and L[idx] < e
                    else:
                        hit = L[-1] >= s or L[0] < e
                    if hit:
                        break
                    # new_prefetch()
                    s = (s + P) % n
                    e = (s + A) % n
                    last += step
                    npf += 1
                    ev = True
            if ev:
                events[i] = last
        self.n_prefetch = npf
        self.num_access += npf * self.pf_lines * self.bw
        self.last_pf = last
        return events, first_row, last_row

    def dram(self):
        return float(self.dram_start), float(self.last_pf), self.num_access


class EstimateReadBuffer:
    """memory/read_buffer_estimate_bw.py (CALC).  Never stalls; only produces DRAM columns."""

    def __init__(self, size_kb, default_bw=10):
        total = size_kb * 1024
        self.items = total // 100
        self.A = int(0.5 * 100)
        self.P = 100 - self.A
        self.bw = default_bw

    def walk(self, rows, cycle_of):
        items, A, P = self.items, self.A, self.P
        latest = {}
        cur_id = 0
        cur_cnt = 0
        rb_start, rb_end = 0, A - 1
        pf_start = -1
        done = False
        last_s, last_e = -2, -1
        first_cycle = None
        trace_first = None
        trace_last = None
        nacc = 0
        first_row = last_row = None
        for i, addrs in rows:
            cyc = cycle_of(i)
            if first_cycle is None:
                first_cycle = cyc
                first_row = i
            last_row = i
            for a in addrs:
                if latest.get(a, -1) >= rb_start:
                    continue                     # hit in active sets or already in current set
                latest[a] = cur_id
                cur_cnt += 1
                if cur_cnt == items:
                    cur_cnt = 0
                    cur_id += 1
                    if cur_id == rb_end + 1:
                        if not done:
                            last_e = first_cycle - 1 - 1
                            cn = int(math.ceil(P * items / self.bw))
                            last_s = last_e - cn + 1
                            nacc += A * items
                            pf_start = rb_end + 1
                            done = True
                        else:
                            nacc += P * items
                            pf_start += P
                        if trace_first is None:
                            trace_first = last_s + 1
                        trace_last = last_e + 1
                        rb_start += P
                        rb_end += P
                        last_s = last_e + 1
                        last_e = cyc
        # complete_all_prefetches()
        n_addr_pending = cur_id * items + cur_cnt          # addresses in sets [0, cur_id] so far
        if cur_cnt == 0:
            cur_id -= 1
        if not done:
            last_e = -1 - 1                                 # NOTE: ignores first_request cycle
            nsets = cur_id + 1
            cn = int(math.ceil(nsets * items / self.bw))
            last_s = last_e - cn + 1
            nacc += n_addr_pending
        else:
            nacc += n_addr_pending - pf_start * items        # sets pf_start..cur_id
        if trace_first is None:
            trace_first = last_s + 1
        trace_last = last_e + 1
        return (float(trace_first), float(trace_last), nacc), first_row, last_row


class WriteBuffer:
    """memory/write_buffer.py (HEAD variant: a drain does not stall the row that triggers it)."""

    def __init__(self, size_kb, bw):
        self.total = size_kb * 1024
        self.active = int(math.ceil(self.total * 0.5))
        self.drain_size = self.total - self.active
        self.bw = bw
        self.free = self.total
        self.lines = []          # valid element count of each trace line
        self.line_idx = 0        # elements in current (partial) line
        self.dstart = 0          # drain_buf_start_line_id
        self.drain_end = 0
        self.num_access = 0
        self.cyc_first = None
        self.cyc_last = None
        self.lines_per_drain = int(math.ceil(self.drain_size / bw))

    def _store(self, k):
        self.free -= k
        self.line_idx += k
        bw = self.bw
        if self.line_idx >= bw:
            q, r = divmod(self.line_idx, bw)
            self.lines.extend([bw] * q)
            self.line_idx = r

    def _flush(self):
        if self.line_idx:
            self.lines.append(self.line_idx)
            self.line_idx = 0

    def _drain(self, start):
        end_l = min(self.dstart + self.lines_per_drain, len(self.lines))
        num = end_l - self.dstart
        data = num * self.bw - (self.bw - self.lines[end_l - 1])   # only last line's -1 removed
        self.num_access += data
        if self.cyc_first is None:
            self.cyc_first = start
        self.cyc_last = start + num - 1
        self.free += data
        self.dstart = end_l
        return start + num - 1

    def write(self, k, cyc):
        """Service one demand row with k valid ofmap addresses arriving at cycle cyc -> out cycle."""
        cur = cyc
        while k > 0:
            if cur < self.drain_end:
                n = self.free if self.free > 0 else 1
                m = min(k, n)
                self._store(m)
                k -= m
                if self.free <= 0:
                    cur = self.drain_end
            else:
                m = self.free - self.active + 1      # stores until free < active
                if m < 1:
                    m = 1
                if k < m:
                    self._store(k)
                    k = 0
                else:
                    self._store(m)
                    k -= m
                    self._flush()
                    self.drain_end = self._drain(cur)
        return cur

    def empty_all(self, cyc):
        self._flush()
        if not self.lines:
            return
        while self.dstart < len(self.lines):
            self.drain_end = self._drain(cyc)
            cyc = self.drain_end + 1

    def dram(self):
        return float(self.cyc_first), float(self.cyc_last), self.num_access


# ----------------------------------------------------------------------------------------------
# Layer simulation
# ----------------------------------------------------------------------------------------------
def simulate_layer(entry, cfg, want_dram=True):
    L = Layer(entry, cfg)
    D = Dataflow(L, cfg)
    R, C = cfg.R, cfg.C
    N = D.N
    of_bw = cfg.bw if cfg.user_bw else C
    wb = WriteBuffer(cfg.ofmap_kb, of_bw)

    ev_if, ev_fl = {}, {}
    if_rows = fl_rows = None
    if cfg.user_bw:
        fl_if, ne_if = D.prefetch_order('ifmap')
        rb_if = UserReadBuffer(cfg.ifmap_kb, cfg.bw, fl_if, ne_if)
        del fl_if
        ev_if, f_if, l_if = rb_if.walk(D.ifmap_rows())
        rb_if.lines_of = None
        fl_fl, ne_fl = D.prefetch_order('filter')
        rb_fl = UserReadBuffer(cfg.filter_kb, cfg.bw, fl_fl, ne_fl)
        del fl_fl
        ev_fl, f_fl, l_fl = rb_fl.walk(D.filter_rows())
        rb_fl.lines_of = None
    else:
        # first/last data rows are needed for SRAM start/stop; cheap scan
        f_if = l_if = f_fl = l_fl = None
        for i, _ in D.ifmap_rows():
            if f_if is None:
                f_if = i
            l_if = i
        for i, _ in D.filter_rows():
            if f_fl is None:
                f_fl = i
            l_fl = i

    # global row loop (double_buffered_scratchpad.service_memory_requests)
    stall = 0
    stall_changes = []         # (row, cumulative stall after row) for rows where stall changed
    out_if = {}
    out_fl = {}
    of_first = of_last = None
    of_first_cyc = of_last_cyc = None
    i = 0
    last_of_out = None
    for (fc, fr, ru, cu) in D.folds:
        counts = D.ofmap_counts_fold(ru, cu)
        for k in counts:
            cyc = i + stall
            if i in ev_if:
                # read_buffer.py (v2 22f88b1): offset grows only by a positive wait
                o_if = max(cyc + 1, ev_if[i])
                s_if = o_if - cyc - 1
            else:
                s_if = 0
                o_if = cyc + 1
            if i in ev_fl:
                o_fl = max(cyc + 1, ev_fl[i])
                s_fl = o_fl - cyc - 1
            else:
                s_fl = 0
                o_fl = cyc + 1
            if k:
                o_of = wb.write(k, cyc)
                if of_first is None:
                    of_first, of_first_cyc = i, o_of
                of_last, of_last_cyc = i, o_of
            else:
                o_of = cyc
            if i == f_if or i == l_if:
                out_if[i] = o_if
            if i == f_fl or i == l_fl:
                out_fl[i] = o_fl
            st = max(s_if, s_fl, o_of - cyc)   # the ofmap wait has no hit latency
            if st:
                stall += st
                stall_changes.append((i, stall))
            last_of_out = o_of
            i += 1
    total = int(last_of_out)
    wb.empty_all(last_of_out)

    res = {}
    res['total'] = total
    res['stall'] = stall
    res['overall'] = (L.num_compute * 100) / (total * R * C)
    res['mapeff'], res['cutil'] = D.util()
    ifr, flr, ofw = D.sram_counts()
    res['sram'] = [float(out_if[f_if]), float(out_if[l_if]), ifr,
                   float(out_fl[f_fl]), float(out_fl[l_fl]), flr,
                   float(of_first_cyc), float(of_last_cyc), ofw]
    res['sram_bw'] = [ifr / total, flr / total, ofw / total]
    dram = None
    if cfg.user_bw:
        dram = [rb_if.dram(), rb_fl.dram(), wb.dram()]
    elif want_dram:
        rows_ch = [r for r, _ in stall_changes]
        vals = [v for _, v in stall_changes]

        def cycle_of(row):
            j = bisect.bisect_left(rows_ch, row)    # stall applied strictly before this row
            return row + (vals[j - 1] if j > 0 else 0)
        e_if = EstimateReadBuffer(cfg.ifmap_kb)
        d_if, _, _ = e_if.walk(D.ifmap_rows(), cycle_of)
        e_fl = EstimateReadBuffer(cfg.filter_kb)
        d_fl, _, _ = e_fl.walk(D.filter_rows(), cycle_of)
        dram = [d_if, d_fl, wb.dram()]
    if dram is not None:
        res['dram'] = [x for t in dram for x in t]
        res['dram_bw'] = [t[2] / (t[1] - t[0] + 1) for t in dram]
    return res


# ----------------------------------------------------------------------------------------------
# Report formatting (simulator.generate_reports): str() of each item, ', ' separated, trailing ','
# ----------------------------------------------------------------------------------------------
def report_lines(lid, r):
    comp = [r['total'], r['stall'], r['overall'], r['mapeff'], r['cutil']]
    lines = {'COMPUTE_REPORT': str(lid) + ', ' + ', '.join(str(x) for x in comp) + ','}
    if 'dram' in r:
        bw = r['sram_bw'] + r['dram_bw']
        lines['BANDWIDTH_REPORT'] = str(lid) + ', ' + ', '.join(str(x) for x in bw) + ','
        det = r['sram'] + r['dram']
        lines['DETAILED_ACCESS_REPORT'] = str(lid) + ', ' + ', '.join(str(x) for x in det) + ','
    return lines


def compare_case(case_dir, want_dram=True, layers=None, verbose=True):
    cfg = Cfg(os.path.join(case_dir, 'scale.cfg'))
    topo_name = open(os.path.join(case_dir, 'topology')).read().strip()
    mode = open(os.path.join(case_dir, 'mode')).read().strip()
    topo = load_topology(os.path.join(VALID, 'topologies', topo_name + '.csv'), gemm=(mode == 'gemm'))
    ref = {}
    for rep in ('COMPUTE_REPORT', 'BANDWIDTH_REPORT', 'DETAILED_ACCESS_REPORT'):
        with open(os.path.join(case_dir, rep + '.csv')) as f:
            ref[rep] = [l.rstrip('\n') for l in f][1:]
    results = []
    for lid, entry in enumerate(topo):
        if layers is not None and lid not in layers:
            continue
        t0 = time.time()
        r = simulate_layer(entry, cfg, want_dram=want_dram)
        dt = time.time() - t0
        mine = report_lines(lid, r)
        row = {'layer': lid, 'time': dt}
        for rep, line in mine.items():
            exp = ref[rep][lid]
            if line == exp:
                row[rep] = 'EXACT'
            else:
                a = [x.strip() for x in line.split(',')]
                b = [x.strip() for x in exp.split(',')]
                bad = [k for k in range(min(len(a), len(b))) if a[k] != b[k]]
                row[rep] = 'cols %s differ' % bad
                if verbose:
                    print('  L%d %s\n    mine: %s\n    ref : %s' % (lid, rep, line, exp))
        results.append(row)
        if verbose:
            print('  layer %d (%.1fs): %s' % (lid, dt, {k: v for k, v in row.items() if k not in ('layer', 'time')}))
    return results


def main():
    args = sys.argv[1:]
    want_dram = '--no-dram' not in args
    layers = None
    if '--layers' in args:
        layers = set(int(x) for x in args[args.index('--layers') + 1].split(','))
    if '--all' in args:
        skip = set()
        if '--skip' in args:
            skip = set(args[args.index('--skip') + 1].split(','))
        cases = sorted(os.listdir(os.path.join(VALID, 'cases')))
        for c in cases:
            if c in skip:
                print('%-42s SKIPPED' % c)
                continue
            t0 = time.time()
            res = compare_case(os.path.join(VALID, 'cases', c), want_dram, layers, verbose=False)
            summ = {}
            for rep in ('COMPUTE_REPORT', 'BANDWIDTH_REPORT', 'DETAILED_ACCESS_REPORT'):
                vals = [r.get(rep, 'n/a') for r in res]
                ok = sum(1 for v in vals if v == 'EXACT')
                summ[rep] = '%d/%d' % (ok, len(vals))
            print('%-42s %6.1fs  compute %s  bandwidth %s  detailed %s' % (
                c, time.time() - t0, summ['COMPUTE_REPORT'], summ['BANDWIDTH_REPORT'],
                summ['DETAILED_ACCESS_REPORT']))
            for r in res:
                bad = {k: v for k, v in r.items() if k not in ('layer', 'time') and v != 'EXACT'}
                if bad:
                    print('    layer %d: %s' % (r['layer'], bad))
            sys.stdout.flush()
    else:
        case = args[0]
        if not os.path.isdir(case):
            case = os.path.join(VALID, 'cases', case)
        compare_case(case, want_dram, layers, verbose=True)


if __name__ == '__main__':
    main()
