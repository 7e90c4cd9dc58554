package org.tessel.onnx.shape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Einsum and the fused Attention operator (opset 23): the output shapes, and for Einsum the sizes
 * of the letters a two-operand contraction sums over, so that it can be priced as a GEMM.
 */
public final class Contractions {
  private Contractions() {}

  /**
   * An Einsum of two operands as one batched GEMM: {@code batch} products of {@code (m x k) * (k x
   * n)} (batch: letters in both operands and the output; m: in the first and the output; n: in the
   * second and the output; k: every other letter).
   *
   * @param batch product of the batch letters' sizes
   * @param m product of the first operand's own output letters
   * @param n product of the second operand's own output letters
   * @param k product of the summed letters
   */
  public record Gemm(long batch, long m, long n, long k) {}

  /** The letters of an Einsum equation: one string per input, then the output. */
  static String[] terms(Node n) {
    String eq = n.stringAttr("equation", "").replace(" ", "");
    if (eq.contains(".")) {
      throw n.error("equations with an ellipsis ('...') are not supported: " + eq);
    }
    String out = null;
    int arrow = eq.indexOf("->");
    if (arrow >= 0) {
      out = eq.substring(arrow + 2);
      eq = eq.substring(0, arrow);
    }
    String[] ins = eq.split(",", -1);
    if (ins.length != n.inputCount()) {
      throw n.error(
          "equation '"
              + n.stringAttr("equation", "")
              + "' has "
              + ins.length
              + " operands, the node "
              + n.inputCount());
    }
    if (out == null) {
      Map<Character, Integer> count = new java.util.TreeMap<>();
      for (String t : ins) {
        for (int i = 0; i < t.length(); i++) {
          char c = t.charAt(i);
          count.merge(c, 1, Integer::sum);
        }
      }
      StringBuilder sb = new StringBuilder();
      count.forEach(
          (c, k) -> {
            if (k == 1) {
              sb.append(c);
            }
          });
      out = sb.toString();
    }
    String[] t = new String[ins.length + 1];
    System.arraycopy(ins, 0, t, 0, ins.length);
    t[ins.length] = out;
    return t;
  }

  /** Every letter's size, checked across the operands. */
  static Map<Character, Long> sizes(Node n, String[] terms) {
    Map<Character, Long> size = new LinkedHashMap<>();
    for (int i = 0; i < terms.length - 1; i++) {
      Tensor t = n.required(i);
      String s = terms[i];
      if (s.length() != t.rank()) {
        throw n.error("operand " + i + " '" + s + "' does not match " + t);
      }
      for (int a = 0; a < s.length(); a++) {
        long d = t.dim(a);
        Long prev = size.get(s.charAt(a));
        if (prev != null && prev != d && prev != 1 && d != 1) {
          throw n.error(
              "shapes do not agree: letter '" + s.charAt(a) + "' is " + prev + " and " + d);
        }
        size.put(s.charAt(a), prev == null || prev == 1 ? d : prev);
      }
    }
    for (char c : terms[terms.length - 1].toCharArray()) {
      if (!size.containsKey(c)) {
        throw n.error("output letter '" + c + "' is in no operand");
      }
    }
    return size;
  }

  static Tensor einsum(Node n) {
    String[] t = terms(n);
    Map<Character, Long> size = sizes(n, t);
    String out = t[t.length - 1];
    long[] d = new long[out.length()];
    for (int i = 0; i < d.length; i++) {
      Long s = size.get(out.charAt(i));
      if (s == null) {
        throw n.error("output subscript '" + out.charAt(i) + "' is in no input");
      }
      d[i] = s;
    }
    return Tensor.of(d, Shapes.anyActivation(n));
  }

  /** A two-operand Einsum as a batched GEMM. */
  public static Gemm gemm(Node n) {
    String[] t = terms(n);
    Map<Character, Long> size = sizes(n, t);
    String a = t[0];
    String b = t[1];
    String out = t[2];
    long batch = 1;
    long m = 1;
    long nn = 1;
    long k = 1;
    for (Map.Entry<Character, Long> e : size.entrySet()) {
      String c = String.valueOf(e.getKey());
      boolean inA = a.contains(c);
      boolean inB = b.contains(c);
      boolean inOut = out.contains(c);
      long v = e.getValue();
      if (inOut && inA && inB) {
        batch = Math.multiplyExact(batch, v);
      } else if (inOut && inA) {
        m = Math.multiplyExact(m, v);
      } else if (inOut) {
        nn = Math.multiplyExact(nn, v);
      } else {
        k = Math.multiplyExact(k, v);
      }
    }
    return new Gemm(batch, m, nn, k);
  }

  /**
   * The fused Attention operator: Y and the optional present key/value and QK outputs, for 4-D
   * ({@code B x heads x S x d}) or 3-D ({@code B x S x heads*d}) operands.
   */
  static Tensor[] attention(Node n) {
    Tensor q = n.required(0);
    Tensor k = n.required(1);
    Tensor v = n.required(2);
    AttentionShape s = AttentionShape.of(n);
    Tensor[] out = new Tensor[n.outputCount()];
    boolean act = Shapes.anyActivation(n);
    out[0] =
        Tensor.of(
            q.rank() == 4
                ? new long[] {q.dim(0), s.qHeads(), s.qLen(), s.vHead()}
                : new long[] {q.dim(0), s.qLen(), s.qHeads() * s.vHead()},
            act);
    if (out.length > 1) {
      out[1] = Tensor.of(new long[] {k.dim(0), s.kvHeads(), s.kvLen(), s.kHead()}, act);
    }
    if (out.length > 2) {
      out[2] = Tensor.of(new long[] {v.dim(0), s.kvHeads(), s.kvLen(), s.vHead()}, act);
    }
    if (out.length > 3) {
      out[3] = Tensor.of(new long[] {q.dim(0), s.qHeads(), s.qLen(), s.kvLen()}, act);
    }
    return out;
  }

  /**
   * The sizes of an Attention node.
   *
   * @param qHeads query heads
   * @param kvHeads key and value heads (grouped-query attention: fewer)
   * @param qLen query length
   * @param kvLen key length, past keys included
   * @param kHead size of a query or key head
   * @param vHead size of a value head
   */
  public record AttentionShape(
      long qHeads, long kvHeads, long qLen, long kvLen, long kHead, long vHead) {
    /** The sizes of node {@code n}. */
    public static AttentionShape of(Node n) {
      Tensor q = n.required(0);
      Tensor k = n.required(1);
      Tensor v = n.required(2);
      if (q.rank() != k.rank() || q.rank() != v.rank() || (q.rank() != 3 && q.rank() != 4)) {
        throw n.error("Q, K and V must all be 3-D or all 4-D, found " + q + ", " + k + ", " + v);
      }
      long qh;
      long kvh;
      long dk;
      long dv;
      if (q.rank() == 4) {
        qh = q.dim(1);
        kvh = k.dim(1);
        dk = q.dim(3);
        dv = v.dim(3);
      } else {
        qh = n.intAttr("q_num_heads", 0);
        kvh = n.intAttr("kv_num_heads", 0);
        if (qh <= 0 || kvh <= 0 || q.dim(2) % qh != 0 || v.dim(2) % kvh != 0) {
          throw n.error(
              "3-D Attention needs q_num_heads and kv_num_heads dividing the hidden" + " sizes");
        }
        dk = q.dim(2) / qh;
        dv = v.dim(2) / kvh;
      }
      long kd = q.rank() == 4 ? k.dim(3) : k.dim(2) / kvh;
      long klen = q.rank() == 4 ? k.dim(2) : k.dim(1);
      if (kd != dk || kvh <= 0 || qh % kvh != 0) {
        throw n.error(
            "shapes do not agree: Q "
                + q
                + ", K "
                + k
                + " (head sizes "
                + dk
                + " and "
                + kd
                + ", heads "
                + qh
                + " and "
                + kvh
                + ")");
      }
      Tensor past = n.input(4);
      long total = klen + (past == null ? 0 : past.dim(2));
      return new AttentionShape(qh, kvh, q.rank() == 4 ? q.dim(2) : q.dim(1), total, dk, dv);
    }
  }
}
