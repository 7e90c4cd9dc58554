package org.tessel.nas.space;

import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.workload.Network;

/**
 * A mobile inverted-bottleneck space in the style of FBNet (Wu et al., CVPR 2019), ProxylessNAS
 * (Cai et al., ICLR 2019) and Once-for-All (Cai et al., ICLR 2020), on a 224x224x3 input.
 *
 * <p>Skeleton (ProxylessNAS's mobile backbone): a 3x3 stride-2 stem convolution to 32 channels, a
 * fixed inverted bottleneck (expansion 1, 3x3) to 16, then six stages of searchable blocks, as
 * (output channels, first stride, blocks): (24, 2, 4), (40, 2, 4), (80, 2, 4), (96, 1, 4), (192, 2,
 * 4), (320, 1, 1); then a 1x1 convolution to 1280, global average pooling and a fully connected
 * layer to 1000 classes.
 *
 * <p>One gene per block chooses its op: an inverted bottleneck (MBConv: 1x1 expansion by e unless e
 * = 1, k x k depthwise convolution, 1x1 projection, and a residual sum when stride and channels
 * allow) with kernel k in 3, 5, 7 and expansion e in 1, 3, 6 (values 0-8: {@code k3e1, k3e3, k3e6,
 * k5e1, ..., k7e6}), or, for every block but a stage's first, {@code skip} (value 9): the block is
 * left out, so each stage's depth is searched too (1 to 4 blocks). Arch strings list the blocks'
 * ops, {@code -} between blocks and {@code |} between stages, e.g. {@code k3e6-k5e3-skip-skip|...}.
 * The space holds 9^6 * 10^15 genomes, too many to index: tables key it by arch string.
 */
public final class MobileSpace implements SearchSpace {
  static final int[][] STAGES = {
    {24, 2, 4}, {40, 2, 4}, {80, 2, 4}, {96, 1, 4}, {192, 2, 4}, {320, 1, 1}
  };
  static final int[] KERNELS = {3, 5, 7};
  static final int[] EXPANSIONS = {1, 3, 6};
  static final int SKIP = 9;

  private final int[] radices;

  /** The space. */
  public MobileSpace() {
    List<Integer> r = new ArrayList<>();
    for (int[] s : STAGES) {
      for (int b = 0; b < s[2]; b++) {
        r.add(b == 0 ? 9 : 10);
      }
    }
    radices = r.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String name() {
    return "mobile";
  }

  @Override
  public int[] radices() {
    return radices.clone();
  }

  /** The name of op {@code v}: {@code k3e1} ... {@code k7e6}, or {@code skip}. */
  static String op(int v) {
    return v == SKIP ? "skip" : "k" + KERNELS[v / 3] + "e" + EXPANSIONS[v % 3];
  }

  @Override
  public String archString(Genome g) {
    check(g);
    StringBuilder sb = new StringBuilder();
    int k = 0;
    for (int s = 0; s < STAGES.length; s++) {
      sb.append(s == 0 ? "" : "|");
      for (int b = 0; b < STAGES[s][2]; b++) {
        sb.append(b == 0 ? "" : "-").append(op(g.gene(k++)));
      }
    }
    return sb.toString();
  }

  @Override
  public Genome parseArch(String arch) {
    String[] stages = arch.trim().split("\\|", -1);
    if (stages.length != STAGES.length) {
      throw new IllegalArgumentException(
          "'"
              + arch
              + "' has "
              + stages.length
              + " stages, the"
              + " mobile space "
              + STAGES.length
              + " (stages separated by |)");
    }
    int[] g = new int[radices.length];
    int k = 0;
    for (int s = 0; s < STAGES.length; s++) {
      String[] blocks = stages[s].split("-", -1);
      if (blocks.length != STAGES[s][2]) {
        throw new IllegalArgumentException(
            "stage "
                + (s + 1)
                + " of '"
                + arch
                + "' has "
                + blocks.length
                + " blocks, expected "
                + STAGES[s][2]);
      }
      for (int b = 0; b < blocks.length; b++) {
        int v = -1;
        for (int x = 0; x <= SKIP; x++) {
          if (op(x).equals(blocks[b])) {
            v = x;
          }
        }
        if (v < 0) {
          throw new IllegalArgumentException(
              "unknown op '"
                  + blocks[b]
                  + "' (expected k3e1|"
                  + "k3e3|k3e6|k5e1|k5e3|k5e6|k7e1|k7e3|k7e6|skip)");
        }
        if (v == SKIP && b == 0) {
          throw new IllegalArgumentException(
              "stage " + (s + 1) + ": the first block cannot" + " be skip");
        }
        g[k++] = v;
      }
    }
    return Genome.of(g);
  }

  @Override
  public Network network(Genome g) {
    check(g);
    NetBuilder b = new NetBuilder("mobile", 224, 224, 3);
    String x = b.conv("stem", null, 3, 2, 1, 32, 1);
    x = mbconv(b, "b0", x, 3, 1, 1, 16);
    int k = 0;
    for (int s = 0; s < STAGES.length; s++) {
      for (int blk = 0; blk < STAGES[s][2]; blk++) {
        int v = g.gene(k++);
        if (v == SKIP) {
          continue;
        }
        x =
            mbconv(
                b,
                "s" + (s + 1) + "b" + (blk + 1),
                x,
                KERNELS[v / 3],
                EXPANSIONS[v % 3],
                blk == 0 ? STAGES[s][1] : 1,
                STAGES[s][0]);
      }
    }
    x = b.conv("head", x, 1, 1, 0, 1280, 1);
    x = b.globalAvgPool("gap", x);
    b.fc("fc", x, 1000);
    return b.build();
  }

  /** An inverted bottleneck block. */
  static String mbconv(
      NetBuilder b, String p, String in, int kernel, int expansion, int stride, int out) {
    int c = b.shapeOf(in).c();
    int hidden = c * expansion;
    String x = expansion == 1 ? in : b.conv(p + ".expand", in, 1, 1, 0, hidden, 1);
    x = b.convSame(p + ".dw", x, kernel, stride, hidden, hidden);
    x = b.conv(p + ".project", x, 1, 1, 0, out, 1);
    return stride == 1 && c == out ? b.sum(p + ".add", List.of(in, x)) : x;
  }
}
