package org.tessel.sim.dataflow.rs;

import static org.tessel.sim.util.IntMath.ceilDiv;

import org.tessel.sim.util.Checks;

/**
 * The parameters of a row-stationary mapping, named as in Table III of the Eyeriss JSSC paper.
 *
 * <p>The logical PE set is {@code R x e}: PE {@code (i, j)} convolves filter row {@code i} with
 * ifmap row {@code j * U + i} and produces output row {@code j} of its strip. The output rows are
 * strip-mined into strips of {@code e} rows (the last strip may be narrower). {@code r} copies of
 * the set work on different channels and {@code t} copies on different filters; each PE holds
 * {@code p} filters of {@code q} channels; a pass processes {@code n} images; the global buffer
 * keeps the partial sums of {@code m} output channels.
 *
 * @param m output channels whose partial sums the global buffer holds (a multiple of {@code p t})
 * @param n images per pass
 * @param e output rows per strip (the set width before folding)
 * @param p filters per PE
 * @param q channels per PE
 * @param r set copies on different channels (stacked, their partial-sum chains joined)
 * @param t set copies on different filters (sharing the ifmap by multicast)
 */
public record RsMapping(int m, int n, int e, int p, int q, int r, int t) {
  /** Validates every parameter. */
  public RsMapping {
    Checks.positive("rs m", m);
    Checks.positive("rs n", n);
    Checks.positive("rs e", e);
    Checks.positive("rs p", p);
    Checks.positive("rs q", q);
    Checks.positive("rs r", r);
    Checks.positive("rs t", t);
    if (m % (p * t) != 0) {
      throw new IllegalArgumentException(
          "rs m: must be a multiple of p*t = " + (p * t) + ", was " + m);
    }
  }

  /** Strips of the output rows: {@code ceil(E / e)}. */
  public int strips(RsShape shape) {
    return ceilDiv(shape.e(), e);
  }

  /** Width of strip {@code k} (the last one may be narrower). */
  public int stripWidth(RsShape shape, int k) {
    return Math.min(e, shape.e() - k * e);
  }

  /** Channel groups: {@code ceil(C / (q r))}. */
  public int channelGroups(RsShape shape) {
    return ceilDiv(shape.c(), q * r);
  }

  /** Filter groups inside one group of {@code m} channels: {@code m / (p t)}. */
  public int filterGroupsPerM() {
    return m / (p * t);
  }

  /** Groups of {@code m} output channels: {@code ceil(M / m)}. */
  public int outputGroups(RsShape shape) {
    return ceilDiv(shape.m(), m);
  }

  /** Batch groups: {@code ceil(N / n)}. */
  public int batchGroups(int batch) {
    return ceilDiv(batch, n);
  }

  /** Passes of one layer group: {@code ceil(N/n) * ceil(E/e) * ceil(C/(q r)) * ceil(M/(p t))}. */
  public long passesPerGroup(RsShape shape, int batch) {
    return (long) batchGroups(batch)
        * strips(shape)
        * channelGroups(shape)
        * outputGroups(shape)
        * filterGroupsPerM();
  }

  /** PEs the configuration switches on: {@code R * e * r * t} (Table V's "active PEs"). */
  public int activePes(RsShape shape) {
    return shape.r() * e * r * t;
  }

  /** Compact text, {@code m=96 n=1 e=7 p=16 q=1 r=1 t=2} (the prototype's format). */
  @Override
  public String toString() {
    return "m=" + m + " n=" + n + " e=" + e + " p=" + p + " q=" + q + " r=" + r + " t=" + t;
  }

  /**
   * Parses the text {@link #toString()} writes ({@code m=96 n=1 e=7 p=16 q=1 r=1 t=2}; any order,
   * spaces between fields).
   *
   * @throws IllegalArgumentException naming the field that is missing, repeated or not a positive
   *     integer, or the constraint the values break
   */
  public static RsMapping parse(String text) {
    String[] names = {"m", "n", "e", "p", "q", "r", "t"};
    int[] v = new int[names.length];
    for (String part : text.trim().split("\\s+", -1)) {
      int eq = part.indexOf('=');
      int i = eq < 0 ? -1 : java.util.Arrays.asList(names).indexOf(part.substring(0, eq));
      if (i < 0) {
        throw new IllegalArgumentException(
            "expected fields m= n= e= p= q= r= t=, found '" + part + "'");
      }
      if (v[i] != 0) {
        throw new IllegalArgumentException("field " + names[i] + " given twice");
      }
      try {
        v[i] = Integer.parseInt(part.substring(eq + 1));
      } catch (NumberFormatException ex) {
        v[i] = -1;
      }
      if (v[i] <= 0) {
        throw new IllegalArgumentException(
            "field "
                + names[i]
                + ": expected a positive integer,"
                + " was '"
                + part.substring(eq + 1)
                + "'");
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (v[i] == 0) {
        throw new IllegalArgumentException("field " + names[i] + "= missing");
      }
    }
    return new RsMapping(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }
}
