package org.tessel.nas.space;

import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.workload.Network;

/**
 * The NAS-Bench-201 cell space (Dong and Yang, "NAS-Bench-201: Extending the Scope of Reproducible
 * Neural Architecture Search", ICLR 2020): 15,625 cells, each a DAG of 4 nodes whose 6 edges {@code
 * j -> i} ({@code j < i}) carry one of the {@link Nb201Op}s; node {@code i} is the sum of {@code
 * op(j -> i)(node j)} and the cell's output is node 3.
 *
 * <p>The genome is the edges' ops in arch-string order {@code (1<-0), (2<-0), (2<-1), (3<-0),
 * (3<-1), (3<-2)}; the arch string is the benchmark's ({@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|})
 * and the index its index, so published tables join on either.
 *
 * <p>The macro skeleton is the benchmark's, on a CIFAR 32x32x3 input: a 3x3 stem convolution to 16
 * channels; three stages of five cells at 16, 32 and 64 channels (32x32, 16x16, 8x8), with a
 * residual reduction block between stages (3x3 stride-2 convolution C to 2C, 3x3 convolution, and a
 * shortcut of 2x2 stride-2 average pooling and a 1x1 convolution, summed); then global average
 * pooling and a fully connected layer to 10 classes. Batch norm and ReLU are fused.
 *
 * <p>{@link Liveness} decides what runs of a cell's edges: every op that is not {@code none} (as
 * the benchmark's PyTorch model runs them, and as HW-NAS-Bench counts them), or only the ops whose
 * result reaches the cell's output from its input (what a compiler would deploy). A node with no
 * input is zero; a cell whose output is zero passes its input's shape on (the layers after it still
 * run, on zeros).
 *
 * <p>A cell's 3x3 average pooling runs on the vector lanes like any pooling layer, or, as an
 * option, is priced as a 3x3 convolution C to C on the PE array: HW-NAS-Bench's modelled Eyeriss
 * latency prices it so (each of its 15,625 values is {@code 1.67954 + 0.24576 n(1x1) + 1.47456
 * (n(3x3) + n(pool))} ms), and the option lets Tessel's ranking be compared under the same
 * convention.
 */
public final class Nb201Space implements SearchSpace {
  /** Which of a cell's ops become layers. */
  public enum Liveness {
    /** Every op that is not {@code none}; ops reading a zero node read the cell input's shape. */
    ALL_OPS,
    /** Only ops on a path from the cell's input to its output. */
    PRUNED
  }

  /** Edges as (to, from), in arch-string order. */
  static final int[][] EDGES = {{1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 1}, {3, 2}};

  private static final int[] RADICES = {5, 5, 5, 5, 5, 5};
  private static final int CELLS_PER_STAGE = 5;
  private static final int CLASSES = 10;

  private final Liveness liveness;
  private final boolean poolAsConv;
  private final String name;

  /** The space with the given treatment of dead ops, called {@code name}. */
  public Nb201Space(Liveness liveness, String name) {
    this(liveness, false, name);
  }

  /**
   * The space with the given treatment of dead ops, called {@code name}; with {@code poolAsConv}, a
   * cell's 3x3 average pooling is priced as a 3x3 convolution C to C on the PE array
   * (HW-NAS-Bench's convention) instead of pooling on the vector lanes.
   */
  public Nb201Space(Liveness liveness, boolean poolAsConv, String name) {
    this.liveness = liveness;
    this.poolAsConv = poolAsConv;
    this.name = name;
  }

  /** Whether cell pooling is priced as a 3x3 convolution. */
  public boolean poolAsConv() {
    return poolAsConv;
  }

  /** The treatment of dead ops. */
  public Liveness liveness() {
    return liveness;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] radices() {
    return RADICES.clone();
  }

  @Override
  public long size() {
    return Nb201Index.CELLS;
  }

  /** The cell at the benchmark's index {@code i}. */
  @Override
  public Genome genome(long i) {
    if (i < 0 || i >= Nb201Index.CELLS) {
      throw new IllegalArgumentException("index " + i + " is outside 0.." + (Nb201Index.CELLS - 1));
    }
    return decode(Nb201Index.code((int) i));
  }

  /** The benchmark's index of {@code g}. */
  @Override
  public long index(Genome g) {
    check(g);
    return Nb201Index.index(code(g));
  }

  /** {@code sum gene(k) * 5^k}: a dense code of the cell in {@code [0, 15625)}. */
  public static int code(Genome g) {
    int c = 0;
    for (int k = g.length() - 1; k >= 0; k--) {
      c = c * 5 + g.gene(k);
    }
    return c;
  }

  /** The cell with dense code {@code code}. */
  public static Genome decode(int code) {
    int[] g = new int[6];
    for (int k = 0; k < 6; k++) {
      g[k] = code % 5;
      code /= 5;
    }
    return Genome.of(g);
  }

  @Override
  public String archString(Genome g) {
    check(g);
    StringBuilder sb = new StringBuilder();
    int k = 0;
    for (int node = 1; node <= 3; node++) {
      if (node > 1) {
        sb.append('+');
      }
      sb.append('|');
      for (int from = 0; from < node; from++) {
        sb.append(Nb201Op.all().get(g.gene(k++)).archName()).append('~').append(from).append('|');
      }
    }
    return sb.toString();
  }

  @Override
  public Genome parseArch(String arch) {
    String s = arch.trim();
    String[] nodes = s.split("\\+", -1);
    if (nodes.length != 3) {
      throw new IllegalArgumentException(
          "'"
              + s
              + "' is not a NAS-Bench-201 arch string"
              + " (|op~0|+|op~0|op~1|+|op~0|op~1|op~2|)");
    }
    int[] g = new int[6];
    int k = 0;
    for (int node = 1; node <= 3; node++) {
      String n = nodes[node - 1];
      if (!n.startsWith("|") || !n.endsWith("|") || n.length() < 2) {
        throw new IllegalArgumentException("node " + node + " of '" + s + "' must be |op~j|...|");
      }
      String[] edges = n.substring(1, n.length() - 1).split("\\|", -1);
      if (edges.length != node) {
        throw new IllegalArgumentException(
            "node " + node + " of '" + s + "' has " + edges.length + " edges, expected " + node);
      }
      for (int from = 0; from < node; from++) {
        String e = edges[from];
        int tilde = e.lastIndexOf('~');
        if (tilde < 0 || !e.substring(tilde + 1).equals(Integer.toString(from))) {
          throw new IllegalArgumentException(
              "edge '" + e + "' of node " + node + " must be op~" + from);
        }
        g[k++] = Nb201Op.parse(e.substring(0, tilde)).ordinal();
      }
    }
    return Genome.of(g);
  }

  @Override
  public Network network(Genome g) {
    check(g);
    NetBuilder b = new NetBuilder("nb201_" + index(g), 32, 32, 3);
    String x = b.conv("stem", null, 3, 1, 1, 16, 1);
    int cell = 1;
    for (int stage = 0; stage < 3; stage++) {
      int c = 16 << stage;
      if (stage > 0) {
        x = reduction(b, "r" + stage, x, c);
      }
      for (int i = 0; i < CELLS_PER_STAGE; i++) {
        x = cell(b, String.format("c%02d", cell++), x, g, c);
      }
    }
    x = b.globalAvgPool("gap", x);
    b.fc("fc", x, CLASSES);
    return b.build();
  }

  /** The residual reduction block from {@code c / 2} to {@code c} channels, half the size. */
  private static String reduction(NetBuilder b, String p, String in, int c) {
    String a = b.conv(p + ".conv_a", in, 3, 2, 1, c, 1);
    String bb = b.conv(p + ".conv_b", a, 3, 1, 1, c, 1);
    String pool = b.avgPool(p + ".down.pool", in, 2, 2, 0);
    String down = b.conv(p + ".down.conv", pool, 1, 1, 0, c, 1);
    return b.sum(p + ".add", List.of(bb, down));
  }

  /** One cell reading {@code in}; returns the layer holding its output. */
  private String cell(NetBuilder b, String p, String in, Genome g, int c) {
    boolean[] reachesOut = new boolean[4];
    reachesOut[3] = true;
    for (int k = EDGES.length - 1; k >= 0; k--) {
      if (g.gene(k) != Nb201Op.NONE.ordinal() && reachesOut[EDGES[k][0]]) {
        reachesOut[EDGES[k][1]] = true;
      }
    }
    String[] node = new String[4];
    node[0] = in;
    for (int k = 0, to = 1; to <= 3; to++) {
      List<String> terms = new ArrayList<>();
      for (int from = 0; from < to; from++, k++) {
        Nb201Op op = Nb201Op.all().get(g.gene(k));
        if (op == Nb201Op.NONE) {
          continue;
        }
        boolean zero = node[from] == null;
        if (liveness == Liveness.PRUNED && (zero || !reachesOut[to])) {
          continue;
        }
        String src = zero ? in : node[from];
        String name = p + ".e" + to + from;
        switch (op) {
          case SKIP -> {
            if (!zero) {
              terms.add(src);
            }
          }
          case CONV_1X1 -> terms.add(b.conv(name + ".conv1x1", src, 1, 1, 0, c, 1));
          case CONV_3X3 -> terms.add(b.conv(name + ".conv3x3", src, 3, 1, 1, c, 1));
          default ->
              terms.add(
                  poolAsConv
                      ? b.conv(name + ".pool3x3", src, 3, 1, 1, c, 1)
                      : b.avgPool(name + ".pool3x3", src, 3, 1, 1));
        }
      }
      node[to] =
          terms.isEmpty()
              ? null
              : terms.size() == 1 ? terms.get(0) : b.sum(p + ".n" + to + ".add", terms);
    }
    return node[3] == null ? in : node[3];
  }
}
