# Runs SCALE-Sim's own single_layer_sim with SRAM sizes in words (bytes of one-byte words), for
# the tiny cases of simulator/src/test/.../TinyReferenceCases.java.
# usage: python3 tiny_cases.py v2|v3 SCALESIM_SOURCE_DIR < cases
#   (SCALESIM_SOURCE_DIR holds the scalesim package of scale-sim-v2 22f88b1 or scale-sim-v3;
#    input lines: case <layer> <df> <USER|CALC> <bandwidth> <ifmap> <filter> <ofmap words>)
import sys
ver = sys.argv[1]
sys.path.insert(0, sys.argv[2])
from scalesim.scale_config import scale_config
from scalesim.topology_utils import topologies
from scalesim.single_layer_sim import single_layer_sim
from scalesim.memory.double_buffered_scratchpad_mem import double_buffered_scratchpad as mem
LAYERS = {'conv6': ['conv6', 6, 6, 3, 3, 2, 5, 1], 'conv8s2': ['conv8s2', 8, 8, 3, 3, 3, 6, 2],
          'gemm': ['gemm', 9, 7, 1, 7, 1, 6, 1]}   # gemm M=9 N=6 K=7 -> [m, k, 1, k, 1, n, 1]
def run(layer, df, mode, bw, ifw, flw, ofw):
    c = scale_config()
    c.update_from_list(['tiny', 4, 4, 1, 1, 1, 0, 10000000, 20000000, df, mode, [bw]])
    if ver == 'v3':
        c.ifmap_sram_bank_bandwidth = bw; c.filter_sram_bank_bandwidth = bw
        c.ifmap_sram_bank_num = 1; c.filter_sram_bank_num = 1
    t = topologies()
    e = LAYERS[layer]
    t.load_layer_params_from_list(e[0], e + ([e[7], 1, 1] if ver == 'v3' else [e[7]]))
    m = mem()
    user = mode == 'USER'
    kw = dict(word_size=1, ifmap_buf_size_bytes=ifw, filter_buf_size_bytes=flw,
              ofmap_buf_size_bytes=ofw, rd_buf_active_frac=0.5, wr_buf_active_frac=0.5,
              ifmap_backing_buf_bw=bw if user else 10, filter_backing_buf_bw=bw if user else 10,
              ofmap_backing_buf_bw=bw if user else 4, verbose=False,
              estimate_bandwidth_mode=not user)
    if ver == 'v3':
        kw.update(config=c, topo=t)
    m.set_params(**kw)
    s = single_layer_sim()
    if ver == 'v3':
        s.set_params(layer_id=0, config_obj=c, topology_obj=t, verbose=False)
    else:
        s.set_params(layer_id=0, config_obj=c, topology_obj=t, verbose=False)
    s.set_memory_system(m)
    s.run()
    out = []
    for items in (s.get_compute_report_items(), s.get_bandwidth_report_items(),
                  s.get_detail_report_items()):
        out.append('0, ' + ', '.join(str(x) for x in items) + ',')
    return out
for line in sys.stdin:
    h = line.split()
    if not h or h[0] != 'case':
        continue
    print(' '.join(h))
    for l in run(h[1], h[2], h[3], int(h[4]), int(h[5]), int(h[6]), int(h[7])):
        print(l)
