package org.tessel.nas.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * The content a network's price depends on, as a SHA-256 digest: each layer's kind and shape (not
 * its name) and which earlier layers it reads, in execution order, plus a context string naming the
 * hardware and the scheduler's settings. Networks that differ only in names (or in parts a search
 * space prunes away) share a key.
 */
public final class ContentKey {
  private ContentKey() {}

  /** The canonical text of {@code network}'s structure (one line per layer). */
  public static String canonical(Network network) {
    List<Layer> layers = network.layers();
    Map<Layer, Integer> position = new HashMap<>();
    StringBuilder sb = new StringBuilder(layers.size() * 48);
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      position.put(l, i);
      shape(sb, l);
      sb.append(" <");
      for (Layer in : network.inputsOf(l)) {
        sb.append(' ').append(position.get(in));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Appends {@code l}'s kind and shape (not its name) to {@code sb}. */
  private static void shape(StringBuilder sb, Layer l) {
    sb.append(l.kind().name())
        .append(' ')
        .append(l.inH())
        .append(' ')
        .append(l.inW())
        .append(' ')
        .append(l.inC())
        .append(' ')
        .append(l.kernelH())
        .append(' ')
        .append(l.kernelW())
        .append(' ')
        .append(l.strideH())
        .append(' ')
        .append(l.strideW())
        .append(' ')
        .append(l.padH())
        .append(' ')
        .append(l.padW())
        .append(' ')
        .append(l.outH())
        .append(' ')
        .append(l.outW())
        .append(' ')
        .append(l.outC())
        .append(' ')
        .append(l.groups());
  }

  /**
   * The key of {@code layer}'s shape scheduled for {@code batch} inputs in {@code context} (the
   * hardware, the scheduler's settings, the code): 32 hex digits, as {@link #of}.
   */
  public static String ofLayer(Layer layer, int batch, String context) {
    StringBuilder sb = new StringBuilder(context.length() + 64);
    sb.append(context).append("\nlayer batch=").append(batch).append(' ');
    shape(sb, layer);
    return digest(sb.toString());
  }

  /** The key of {@code network} priced in {@code context}: 32 hex digits. */
  public static String of(Network network, String context) {
    return digest(context + "\n" + canonical(network));
  }

  /** The first 128 bits of the SHA-256 of {@code text}, in hex. */
  static String digest(String text) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    byte[] h = md.digest(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      sb.append(Character.forDigit((h[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(h[i] & 0xf, 16));
    }
    return sb.toString();
  }
}
