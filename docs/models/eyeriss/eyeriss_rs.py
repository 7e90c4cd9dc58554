#!/usr/bin/env python3
"""Eyeriss v1 row-stationary (RS) cycle model -- prototype for Tessel.

Run:  python3 eyeriss_rs.py            (AlexNet CONV1-5 table, sensitivity, VGG-16 check)
      python3 eyeriss_rs.py --passes   (also print the per-pass timing breakdown)

Everything here is one set of hardware parameters (HW below) and one mapping
algorithm (search_mapping); nothing is set per layer.  See model.md.
"""
import csv
import math
import os
import sys

# ----------------------------------------------------------------------------
# Hardware parameters (one set for every layer; sources in model.md section b)
# ----------------------------------------------------------------------------
HW = dict(
    rows=12, cols=14,            # PE array (paper)
    spad_filt=224,               # filter spad words per PE (paper)
    spad_ifmap=12,               # ifmap spad words per PE (paper)
    spad_psum=24,                # psum spad words per PE (paper)
    glb_banks=25, glb_bank_bytes=4096,  # 100 kB ifmap/psum GLB, 25 x 4 kB banks (paper)
    glb_filter_bytes=8 * 1024,   # filter part of the 108 kB GLB (README)
    word_bytes=2,                # 16-bit (paper)
    f_clk=200e6,                 # core clock (paper)
    B_f=4,                       # filter GIN words/cycle (64-bit bus; assumption, see model.md)
    B_i=4,                       # ifmap GIN words/cycle (64-bit; assumption)
    B_p=4,                       # psum GIN/GON words/cycle each way (64-bit; assumption)
    spad_wr=1,                   # ifmap spad writes per cycle (assumption: 1 write port)
    L_pipe=2,                    # PE MAC pipeline depth (paper: 2-stage)
    c_acc=0,                     # extra ALU cycles per psum for the vertical accumulation
                                 # (0: incoming psum is muxed in as the accumulator seed)
    c_pass=0,                    # extra fixed cycles per processing pass (0 = a-priori model)
    no_strip_if_fits=False,      # mapping: allow strip-mining even if the set fits whole
    scan_bits=1794,              # configuration scan chain length (paper)
    scan_bits_per_cycle=1,       # scan chain shifted 1 bit per core cycle (assumption)
)


class Layer:
    def __init__(self, name, H, R, E, C, M, U, N, W=None, S=None, F=None):
        self.name, self.H, self.R, self.E, self.C, self.M, self.U, self.N = \
            name, H, R, E, C, M, U, N
        self.W = W or H
        self.S = S or R
        self.F = F or E

    def macs(self):
        return self.N * self.M * self.C * self.E * self.F * self.R * self.S


HERE = os.path.dirname(os.path.abspath(__file__))
VAL = '/work/shared/validation/eyeriss'


def load_alexnet():
    layers, meas, t3 = [], {}, {}
    with open(os.path.join(VAL, 'alexnet_jssc2017_per_layer.csv')) as f:
        for r in csv.DictReader(f):
            if r['layer'] == 'Total':
                meas['Total'] = r
                continue
            L = Layer(r['layer'], int(r['H_in_padded']), int(r['R_S']),
                      int(r['E_F_out']), int(r['C_in_per_group']),
                      int(r['M_out']), int(r['stride']), int(r['batch']))
            assert L.macs() == int(r['MACs_computed_batch'])
            layers.append(L)
            meas[L.name] = r
    with open(os.path.join(VAL, 'alexnet_jssc2017_rs_mapping.csv')) as f:
        for r in csv.DictReader(f):
            t3[r['layer']] = {k: int(r[k]) for k in 'mnepqrt'}
    return layers, meas, t3


# ----------------------------------------------------------------------------
# Mapping: logical PE set R x E -> strip-mine (e) -> fold (segments stacked
# vertically) -> replicate (r sets on different channels, t sets on
# different filters); per-PE p filters x q channels; n images per pass; m
# ofmap channels kept in the GLB.
# ----------------------------------------------------------------------------
class Mapping:
    def __init__(self, L, hw, m, n, e, p, q, r, t):
        self.m, self.n, self.e, self.p, self.q, self.r, self.t = m, n, e, p, q, r, t
        self.fold = max(1, math.ceil(e / hw['cols']))
        self.set_h = L.R * self.fold                # physical rows of one set
        self.set_w = math.ceil(e / self.fold)       # physical cols of one set
        self.active = L.R * e * r * t               # active PEs (full strip)
        self.rows = (e - 1) * L.U + L.R             # ifmap rows a strip needs
        self.strips = math.ceil(L.E / e)
        self.passes = (math.ceil(L.N / n) * self.strips *
                       math.ceil(L.C / (q * r)) * math.ceil(L.M / (p * t)))

    def key(self):
        return dict(m=self.m, n=self.n, e=self.e, p=self.p, q=self.q, r=self.r, t=self.t)

    def __str__(self):
        return 'm=%d n=%d e=%d p=%d q=%d r=%d t=%d' % (
            self.m, self.n, self.e, self.p, self.q, self.r, self.t)


def sets_fit(hw, h, w):
    """How many h x w sets fit on the array (grid packing)."""
    if h > hw['rows'] or w > hw['cols']:
        return 0
    return (hw['rows'] // h) * (hw['cols'] // w)


def glb_bytes(L, mp, hw):
    ifm = mp.n * mp.q * mp.r * mp.rows * L.W * hw['word_bytes']
    psm = mp.n * mp.m * mp.e * L.F * hw['word_bytes']
    fil = mp.p * mp.t * mp.q * mp.r * L.R * L.S * hw['word_bytes']
    return ifm, psm, fil


def legal(L, mp, hw):
    if L.S * mp.q > hw['spad_ifmap']:
        return False
    if mp.p * mp.q * L.S > hw['spad_filt']:
        return False
    if mp.p > hw['spad_psum']:
        return False
    if mp.fold > 1 and mp.set_h > hw['rows']:
        return False
    if mp.r * mp.t > sets_fit(hw, mp.set_h, mp.set_w):
        return False
    ifm, psm, fil = glb_bytes(L, mp, hw)
    # ifmap and psum are allocated whole 4 kB banks (25 banks)
    bank = hw['glb_bank_bytes']
    if math.ceil(ifm / bank) + math.ceil(psm / bank) > hw['glb_banks']:
        return False
    if fil > hw['glb_filter_bytes']:
        return False
    return True


def avg_active(L, mp):
    """Active PEs averaged over the E strips (the last strip may be narrower)."""
    return sum(L.R * min(mp.e, L.E - k * mp.e) * mp.r * mp.t
               for k in range(mp.strips)) / mp.strips


def accesses(L, mp):
    """Word counts: GLB (ifmap rd, psum rd+wr, filter rd) and DRAM."""
    nb, ng = math.ceil(L.N / mp.n), math.ceil(L.M / mp.m)
    cgroups = math.ceil(L.C / (mp.q * mp.r))
    glb_if = glb_ps = glb_f = 0
    for s in range(mp.strips):
        e_s = min(mp.e, L.E - s * mp.e)
        rows = (e_s - 1) * L.U + L.R
        per_cg_passes = math.ceil(L.M / (mp.p * mp.t))
        glb_if += nb * cgroups * per_cg_passes * mp.n * mp.q * mp.r * rows * L.W
        ps = L.N * L.M * e_s * L.F           # psums of this strip
        glb_ps += ps * cgroups + ps * (cgroups - 1)   # writes + read-backs
        glb_f += nb * cgroups * per_cg_passes * mp.p * mp.t * mp.q * mp.r * L.R * L.S
    dram_f = L.C * L.M * L.R * L.S * nb * mp.strips
    dram_i = L.N * L.C * sum(((min(mp.e, L.E - s * mp.e) - 1) * L.U + L.R)
                             for s in range(mp.strips)) * L.W * ng
    dram_o = L.N * L.M * L.E * L.F
    return dict(glb_if=glb_if, glb_ps=glb_ps, glb_f=glb_f,
                glb=glb_if + glb_ps + glb_f, dram=dram_f + dram_i + dram_o)


def energy_proxy(L, mp):
    a = accesses(L, mp)
    # ISCA'16 normalised costs: DRAM 200, GLB 6 per 16-bit word
    return 200 * a['dram'] + 6 * a['glb']


def search_mapping(L, hw, tie=0.02):
    """Enumerate all legal RS mappings and pick one.

    Rule (one rule for all layers):
      1. logical PE set R x E, strip-mined to width e (1..E); a set wider
         than 14 columns is folded into ceil(e/14) segments stacked vertically;
         copies of the set are replicated over the array (r x t <= copies);
      2. enumerate p, q, r, t, n, m subject to the spad, array and GLB-bank
         constraints (legal());
      3. minimise the energy proxy (DRAM 200, GLB 6 per word); among mappings
         within `tie` (2 %) of the minimum -- below the resolution of the proxy
         -- take the one with the fewest modelled cycles.
    Returns (best mapping, list of (mapping, energy)).
    """
    fits_whole = (L.R * math.ceil(L.E / hw['cols']) <= hw['rows']) and hw['no_strip_if_fits']
    allm = []
    for e in ([L.E] if fits_whole else range(1, L.E + 1)):
        fold = max(1, math.ceil(e / hw['cols']))
        if L.R * fold > hw['rows']:
            continue
        nsets = sets_fit(hw, L.R * fold, math.ceil(e / fold))
        for q in range(1, hw['spad_ifmap'] // L.S + 1):
            if L.C % q:
                continue
            for p in range(1, min(hw['spad_psum'], hw['spad_filt'] // (q * L.S)) + 1):
                for r in range(1, nsets + 1):
                    if L.C % (q * r):
                        continue
                    for t in range(1, nsets // r + 1):
                        if L.M % (p * t):
                            continue
                        for n in range(1, L.N + 1):
                            if L.N % n:
                                continue
                            for k in range(1, L.M // (p * t) + 1):
                                m = k * p * t
                                if L.M % m:
                                    continue
                                mp = Mapping(L, hw, m, n, e, p, q, r, t)
                                if legal(L, mp, hw):
                                    allm.append((mp, energy_proxy(L, mp)))
    emin = min(en for _, en in allm)
    near = [(mp, en) for mp, en in allm if en <= (1 + tie) * emin]
    best = min(near, key=lambda x: (layer_cycles(L, x[0], hw)['cycles'], x[1]))
    return best[0], allm


# ----------------------------------------------------------------------------
# Timing of one processing pass and of a layer
# ----------------------------------------------------------------------------
def pass_cycles(L, mp, hw, e_s=None):
    """Cycles of one processing pass.  Returns (total, breakdown dict)."""
    e_s = e_s or mp.e
    p, q, n, r, t = mp.p, mp.q, mp.n, mp.r, mp.t
    qS, qU = q * L.S, q * L.U
    free = hw['spad_ifmap'] - qS            # ifmap spad slots free while computing
    rows = (e_s - 1) * L.U + L.R
    # 1. filter fill: distinct filter words, multicast to every PE of a set row
    Wf = p * t * q * r * L.R * L.S
    t_fil = math.ceil(Wf / hw['B_f'])
    # first ifmap windows (separate ifmap GIN, overlaps with the filter fill)
    t_if0 = math.ceil(rows * q * r * L.S / hw['B_i']) + math.ceil(qS / hw['spad_wr'])
    t_start = max(t_fil, t_if0)
    # 2. steady state: per output pixel p*q*S MACs + ifmap-spad refill stall
    slide_stall = math.ceil(max(0, qU - free) / hw['spad_wr'])
    row_stall = math.ceil(max(0, qS - free) / hw['spad_wr'])   # new image row
    per_pix = p * (qS + hw['c_acc']) + slide_stall
    t_mac = n * L.F * per_pix + (n - 1) * row_stall
    # bandwidth bounds of the steady state (ifmap GIN, psum GIN/GON)
    cols = e_s * t                                   # psum chains (ofmap rows) per pass
    if_words = n * q * r * rows * L.W
    ps_words = n * p * cols * L.F
    t_bw = max(math.ceil(if_words / hw['B_i']), math.ceil(ps_words / hw['B_p']))
    t_steady = max(t_mac, t_bw)
    # 3. column skew: each PE up the psum chain waits for the psum below
    chain = L.R * r if r > 1 else L.R        # r channel-sets chained vertically
    t_skew = (chain - 1) * (qS + hw['L_pipe'])
    # 4. drain: last psums of every chain to the GLB over the psum GON
    t_drain = hw['L_pipe'] + math.ceil(p * cols / hw['B_p'])
    tot = t_start + t_steady + t_skew + t_drain + hw['c_pass']
    return tot, dict(fill=t_start, t_fil=t_fil, t_if0=t_if0, mac=n * L.F * p * qS,
                     stall=t_mac - n * L.F * p * qS, bw_bound=t_bw, skew=t_skew,
                     drain=t_drain, c_pass=hw['c_pass'], total=tot)


def layer_cycles(L, mp, hw, config=False):
    tot = 0
    other = (math.ceil(L.N / mp.n) * math.ceil(L.C / (mp.q * mp.r)) *
             math.ceil(L.M / (mp.p * mp.t)))
    for s in range(mp.strips):
        e_s = min(mp.e, L.E - s * mp.e)
        tot += other * pass_cycles(L, mp, hw, e_s)[0]
    cfg = math.ceil(hw['scan_bits'] / hw['scan_bits_per_cycle'])
    if config:
        tot += cfg
    return dict(cycles=tot, config_cycles=cfg, passes=mp.passes)


def table3_mapping(L, hw, t3):
    d = t3[L.name]
    return Mapping(L, hw, d['m'], d['n'], d['e'], d['p'], d['q'], d['r'], d['t'])


# ----------------------------------------------------------------------------
def run_alexnet(hw, layers, meas, t3, mapping='table3', verbose=True):
    rows, tp, tm = [], 0.0, 0.0
    for L in layers:
        mp = table3_mapping(L, hw, t3) if mapping == 'table3' else search_mapping(L, hw)[0]
        cyc = layer_cycles(L, mp, hw)['cycles']
        ms = cyc / hw['f_clk'] * 1e3
        ref = float(meas[L.name]['processing_latency_ms'])
        rows.append((L, mp, cyc, ms, ref))
        tp += ms
        tm += ref
    if verbose:
        print('%-6s %-32s %5s %5s %7s %8s %8s %7s  %7s %7s' % (
            'layer', 'mapping (m n e p q r t)', 'PEs', 'paper', 'passes',
            'pred ms', 'meas ms', 'err %', 'GLB MB', 'paper'))
        for L, mp, cyc, ms, ref in rows:
            a = accesses(L, mp)
            print('%-6s %-32s %5d %5s %7d %8.2f %8.2f %+7.1f  %7.1f %7s' % (
                L.name, str(mp), mp.active, meas[L.name]['active_PEs'], mp.passes,
                ms, ref, 100 * (ms / ref - 1), a['glb'] * 2 / 1e6,
                meas[L.name]['GLB_accesses_MB']))
        print('%-6s %-32s %5s %5s %7s %8.2f %8.2f %+7.1f' % (
            'Total', '', '', '', '', tp, tm, 100 * (tp / tm - 1)))
    return rows, tp, tm


def errors(hw, layers, meas, t3):
    rows, tp, tm = run_alexnet(hw, layers, meas, t3, verbose=False)
    return [100 * (ms / ref - 1) for _, _, _, ms, ref in rows], 100 * (tp / tm - 1)


def main():
    layers, meas, t3 = load_alexnet()
    show_passes = '--passes' in sys.argv

    print('=== Model A (a priori, c_pass = 0), Table III mapping ===')
    run_alexnet(HW, layers, meas, t3)

    print('\n=== Model A, own mapping algorithm (search_mapping) ===')
    run_alexnet(HW, layers, meas, t3, mapping='own')

    print('\n=== Table III vs own mapping (energy proxy = 200*DRAM + 6*GLB words) ===')
    for L in layers:
        mp, allm = search_mapping(L, HW)
        t3m = table3_mapping(L, HW, t3)
        e3, em = energy_proxy(L, t3m), energy_proxy(L, mp)
        rank = sorted(en for _, en in allm).index(e3) + 1 if legal(L, t3m, HW) else None
        print('%-6s own: %-30s PEs %3d cyc %8d E %.4e | Table III: %-30s legal=%s PEs %3d '
              'cyc %8d E %.4e (rank %s of %d, %+.1f%%)' % (
                  L.name, mp, mp.active, layer_cycles(L, mp, HW)['cycles'], em, t3m,
                  legal(L, t3m, HW), t3m.active, layer_cycles(L, t3m, HW)['cycles'], e3,
                  rank, len(allm), 100 * (e3 / em - 1)))

    if show_passes:
        print('\n=== per-pass breakdown (Table III mapping) ===')
        for L in layers:
            mp = table3_mapping(L, HW, t3)
            tot, b = pass_cycles(L, mp, HW)
            meas_pp = float(meas[L.name]['processing_latency_ms']) * 1e-3 * HW['f_clk'] / mp.passes
            print('%-6s %s  measured/pass ~%.0f' % (L.name, b, meas_pp))

    # ---- calibrated variant: one global per-pass constant, least squares on
    # relative error, with leave-one-out cross-validation
    print('\n=== Model B: Model A + one global per-pass constant c_pass ===')
    def fit(excl=None):
        best = None
        for c in range(0, 2001, 5):
            hw = dict(HW, c_pass=c)
            errs, _ = errors(hw, layers, meas, t3)
            s = sum(x * x for i, x in enumerate(errs) if i != excl)
            if best is None or s < best[0]:
                best = (s, c)
        return best[1]
    c_all = fit()
    print('c_pass fitted on all 5 layers: %d cycles' % c_all)
    run_alexnet(dict(HW, c_pass=c_all), layers, meas, t3)
    print('leave-one-out (fit c_pass on 4 layers, predict the 5th):')
    for i, L in enumerate(layers):
        c = fit(excl=i)
        errs, _ = errors(dict(HW, c_pass=c), layers, meas, t3)
        print('  %-6s c_pass=%4d  held-out error %+6.1f %%' % (L.name, c, errs[i]))

    # ---- sensitivity of Model A
    print('\n=== Sensitivity (Model A, Table III mapping): per-layer error %, total % ===')
    base_errs, base_tot = errors(HW, layers, meas, t3)
    print('%-28s %s  total %+5.1f' % ('baseline', ' '.join('%+6.1f' % x for x in base_errs), base_tot))
    variants = [('B_f=2 (32-bit filter bus)', dict(B_f=2)),
                ('B_f=8', dict(B_f=8)),
                ('B_f=1 (16-bit filter bus)', dict(B_f=1)),
                ('B_i=1 (16-bit ifmap bus)', dict(B_i=1)),
                ('B_i=2', dict(B_i=2)),
                ('B_p=2 (32-bit psum bus)', dict(B_p=2)),
                ('B_p=1', dict(B_p=1)),
                ('c_acc=1 (extra add/psum)', dict(c_acc=1)),
                ('spad_wr=2', dict(spad_wr=2)),
                ('L_pipe=4', dict(L_pipe=4)),
                ('c_pass=200', dict(c_pass=200)),
                ('c_pass=500', dict(c_pass=500)),
                ('config inside latency', None)]
    for name, ch in variants:
        if ch is None:
            rows, tp, tm = run_alexnet(HW, layers, meas, t3, verbose=False)
            cfg = HW['scan_bits'] / HW['scan_bits_per_cycle']
            errs = [100 * ((cyc + cfg) / HW['f_clk'] * 1e3 / ref - 1) for _, _, cyc, _, ref in rows]
            tot = 100 * ((tp + 5 * cfg / HW['f_clk'] * 1e3) / tm - 1)
        else:
            errs, tot = errors(dict(HW, **ch), layers, meas, t3)
        print('%-28s %s  total %+5.1f' % (name, ' '.join('%+6.1f' % x for x in errs), tot))

    # ---- configuration cost
    cfg = HW['scan_bits'] / HW['scan_bits_per_cycle']
    print('\nConfiguration: %d-bit scan chain at %d bit/cycle = %d cycles = %.1f us at 200 MHz '
          '(paper bound: < 100 us = 20000 cycles)' % (HW['scan_bits'], HW['scan_bits_per_cycle'],
                                                       cfg, cfg / HW['f_clk'] * 1e6))

    vgg_check()


def vgg_check():
    """VGG-16 CONV1-13 at batch 3 with the own mapping algorithm (secondary check)."""
    spec = [('conv1_1', 224, 3, 64), ('conv1_2', 224, 64, 64),
            ('conv2_1', 112, 64, 128), ('conv2_2', 112, 128, 128),
            ('conv3_1', 56, 128, 256), ('conv3_2', 56, 256, 256), ('conv3_3', 56, 256, 256),
            ('conv4_1', 28, 256, 512), ('conv4_2', 28, 512, 512), ('conv4_3', 28, 512, 512),
            ('conv5_1', 14, 512, 512), ('conv5_2', 14, 512, 512), ('conv5_3', 14, 512, 512)]
    print('\n=== VGG-16 CONV layers, batch 3, own mapping, Model A ===')
    tot, macs, dram = 0.0, 0, 0
    for name, E, C, M in spec:
        L = Layer(name, E + 2, 3, E, C, M, 1, 3)
        mp, _ = search_mapping(L, HW)
        cyc = layer_cycles(L, mp, HW)['cycles']
        ms = cyc / HW['f_clk'] * 1e3
        a = accesses(L, mp)
        tot += ms
        macs += L.macs()
        dram += a['dram']
        print('%-8s %-32s PEs %3d passes %6d  %8.1f ms  util %.2f  DRAM %.1f MB' % (
            name, mp, mp.active, mp.passes, ms, L.macs() / (cyc * 168), a['dram'] * 2 / 1e6))
    print('VGG-16 total processing latency %.2f s per batch of 3 (%.2f fps if DRAM hidden); '
          'paper: 0.7 fps (4.29 s/batch) incl. DRAM stalls; %.1f GMAC; model DRAM %.0f MB '
          '(paper: 0.0035 acc/MAC -> %.0f MB)' % (
              tot / 1e3, 3 / (tot / 1e3), macs / 1e9, dram * 2 / 1e6, macs * 0.0035 * 2 / 1e6))


if __name__ == '__main__':
    main()
