package org.tessel.nas.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.workload.Network;

/**
 * A user's space, read from a YAML file by {@link FileSpaceReader}: a network file in Tessel's
 * format (docs/network-format.md) in which any layer field but {@code name} and {@code inputs} may
 * be a list of choices, e.g. {@code kernel: [3, 5, 7]}, and a layer's {@code type} may offer {@code
 * skip} (the layer is left out and its readers read its input). Each list is one gene, in file
 * order; arch strings name every gene's value, {@code layer.field=value} joined by {@code ;}; the
 * index order is mixed radix, the last gene fastest. {@code pad: same} pads a convolution by half
 * its kernel.
 */
public final class FileSpace implements SearchSpace {
  /** One layer as written: its fields' values (one each, or the choices). */
  record LayerSpec(String name, int line, Map<String, List<String>> fields) {}

  /** A gene: which field of which layer it chooses. */
  record Gene(int layer, String field) {}

  private final String name;
  private final String file;
  private final int @Nullable [] input;
  private final List<LayerSpec> layers;
  private final List<Gene> genes;
  private final int[] radices;

  FileSpace(String name, String file, int @Nullable [] input, List<LayerSpec> layers) {
    this.name = name;
    this.file = file;
    this.input = input == null ? null : input.clone();
    this.layers = List.copyOf(layers);
    List<Gene> gs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      for (Map.Entry<String, List<String>> f : layers.get(i).fields().entrySet()) {
        if (f.getValue().size() > 1) {
          gs.add(new Gene(i, f.getKey()));
        }
      }
    }
    this.genes = List.copyOf(gs);
    this.radices = gs.stream().mapToInt(g -> values(layers, g).size()).toArray();
  }

  @Override
  public String name() {
    return name;
  }

  /** The file the space was read from. */
  public String file() {
    return file;
  }

  @Override
  public int[] radices() {
    return radices.clone();
  }

  @Override
  public String archString(Genome g) {
    check(g);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < genes.size(); k++) {
      Gene gene = genes.get(k);
      sb.append(k == 0 ? "" : ";")
          .append(layers.get(gene.layer).name())
          .append('.')
          .append(gene.field)
          .append('=')
          .append(values(gene).get(g.gene(k)));
    }
    return sb.toString();
  }

  @Override
  public Genome parseArch(String arch) {
    Map<String, String> given = new LinkedHashMap<>();
    if (!arch.isBlank()) {
      for (String part : arch.trim().split(";", -1)) {
        if (part.isBlank()) {
          continue; // a trailing (or doubled) ';'
        }
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + part + "' is not layer.field=value");
        }
        given.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    int[] g = new int[genes.size()];
    for (int k = 0; k < genes.size(); k++) {
      Gene gene = genes.get(k);
      String key = layers.get(gene.layer).name() + "." + gene.field;
      String v = given.remove(key);
      if (v == null) {
        throw new IllegalArgumentException("no value for " + key);
      }
      g[k] = values(gene).indexOf(v.toLowerCase(Locale.ROOT));
      if (g[k] < 0) {
        throw new IllegalArgumentException(
            "unknown value '"
                + v
                + "' for "
                + key
                + " (expected "
                + String.join("|", values(gene))
                + ")");
      }
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + given.keySet().iterator().next() + "' is not a choice of " + name);
    }
    return Genome.of(g);
  }

  @Override
  public Network network(Genome g) {
    check(g);
    Map<String, String> chosen = new HashMap<>();
    for (int k = 0; k < genes.size(); k++) {
      Gene gene = genes.get(k);
      chosen.put(gene.layer + "." + gene.field, values(gene).get(g.gene(k)));
    }
    int[] in = input == null ? new int[] {1, 1, 1} : input;
    NetBuilder b = new NetBuilder(name, in[0], in[1], in[2]);
    Map<String, String> alias = new HashMap<>();
    String previous = null;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec spec = layers.get(i);
      Map<String, String> f = new HashMap<>();
      for (Map.Entry<String, List<String>> e : spec.fields().entrySet()) {
        String v = chosen.get(i + "." + e.getKey());
        f.put(e.getKey(), v != null ? v : e.getValue().get(0));
      }
      List<String> inputs = new ArrayList<>();
      if (f.containsKey("inputs")) {
        for (String s : f.get("inputs").split(" ", -1)) {
          if (!s.isEmpty()) {
            inputs.add(alias.getOrDefault(s, s));
          }
        }
      } else if (previous != null) {
        inputs.add(previous);
      }
      if (inputs.isEmpty() && input == null) {
        throw new IllegalArgumentException(
            "layer "
                + spec.name()
                + " reads the network input,"
                + " but the file gives no 'input' shape");
      }
      String out;
      if ("skip".equals(f.get("type"))) {
        if (inputs.size() != 1) {
          throw new IllegalArgumentException(
              "layer " + spec.name() + ": a skipped layer must" + " read exactly one input");
        }
        out = inputs.get(0);
      } else {
        out = FileLayers.build(b, spec.name(), f, inputs);
      }
      alias.put(spec.name(), out);
      previous = out;
    }
    return b.build();
  }

  private List<String> values(Gene gene) {
    return values(layers, gene);
  }

  /** The choices of {@code gene}, a field of one of {@code layers}. */
  private static List<String> values(List<LayerSpec> layers, Gene gene) {
    List<String> v = layers.get(gene.layer).fields().get(gene.field);
    if (v == null) {
      throw new IllegalStateException("no field " + gene.field + " in layer " + gene.layer);
    }
    return v;
  }

  /** The line of layer {@code name} in the file, or 0. */
  int lineOf(String layerName) {
    for (LayerSpec l : layers) {
      if (l.name().equals(layerName)) {
        return l.line();
      }
    }
    return 0;
  }
}
