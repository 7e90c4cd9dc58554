package org.tessel.sim.noc;

/**
 * A vertex of the network: a buffer, a port, a bus hub, an array edge register or a PE.
 *
 * @param kind what it is
 * @param a first coordinate (PE row, port number, bus row)
 * @param b second coordinate (PE column), or 0
 */
public record NocNode(Kind kind, int a, int b) {
  /** Vertex kinds. */
  public enum Kind {
    /** The global buffer (all on-chip SRAMs). */
    GLB,
    /** A read port of the global buffer. */
    READ_PORT,
    /** A write port of the global buffer. */
    WRITE_PORT,
    /** The register feeding PE row {@code a} from the left edge. */
    LEFT,
    /** The register feeding PE column {@code a} from the top edge. */
    TOP,
    /** The register collecting PE column {@code a} at the bottom edge. */
    BOTTOM,
    /** A Y (column) bus hub. */
    Y_BUS,
    /** The X (row) bus of PE row {@code a}. */
    X_BUS,
    /** The PE at row {@code a}, column {@code b}. */
    PE
  }

  /** The PE at {@code (row, col)}. */
  public static NocNode pe(int row, int col) {
    return new NocNode(Kind.PE, row, col);
  }

  @Override
  public String toString() {
    return kind == Kind.PE ? "PE(" + a + "," + b + ")" : kind + (kind == Kind.GLB ? "" : "" + a);
  }
}
