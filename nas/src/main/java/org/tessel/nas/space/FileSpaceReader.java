package org.tessel.nas.space;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Numbers;
import org.tessel.sim.config.TextFiles;
import org.tessel.sim.config.YamlDocuments;

/** Reads a {@link FileSpace} from YAML; every mistake names the file, line and field. */
public final class FileSpaceReader {
  private static final Set<String> TOP = Set.of("name", "input", "layers");
  private static final Set<String> KEYS =
      Set.of("name", "type", "inputs", "filters", "kernel", "stride", "pad", "groups", "outputs");

  private final String file;

  private FileSpaceReader(String file) {
    this.file = file;
  }

  /**
   * Reads the space in {@code path}; the network of its first genome (every choice's first value)
   * is built to check the file.
   *
   * @throws ConfigException for a mistake in the file
   */
  public static FileSpace read(Path path) {
    String name = path.toString();
    return new FileSpaceReader(name).parse(TextFiles.text(path));
  }

  /** Parses the text of a space file (also used by the fuzz tests). */
  static FileSpace parse(String file, String text) {
    return new FileSpaceReader(file).parse(text);
  }

  private FileSpace parse(String text) {
    Optional<Node> root = YamlDocuments.compose(file, text);
    if (root.isEmpty()) {
      throw new ConfigException(file, 1, "", "the file is empty");
    }
    Map<String, NodeTuple> top = mapping(root.get(), "", TOP);
    String name = scalar(required(top, "name", root.get()), "name");
    int @Nullable [] input = null;
    if (top.containsKey("input")) {
      Node in = top.get("input").getValueNode();
      Map<String, NodeTuple> m = mapping(in, "input", Set.of("height", "width", "channels"));
      input =
          new int[] {
            positive(required(m, "height", in), "input.height"),
            positive(required(m, "width", in), "input.width"),
            positive(required(m, "channels", in), "input.channels")
          };
    }
    Node list = required(top, "layers", root.get());
    if (!(list instanceof SequenceNode sequenceNode) || sequenceNode.getValue().isEmpty()) {
      throw new ConfigException(file, line(list), "layers", "expected a list of layers");
    }
    List<FileSpace.LayerSpec> layers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node item : sequenceNode.getValue()) {
      layers.add(layer(item, names));
    }
    FileSpace space = new FileSpace(name, file, input, layers);
    try {
      space.network(Genome.of(new int[space.radices().length]));
    } catch (IllegalArgumentException e) {
      String msg = ConfigException.messageOf(e);
      String layer =
          msg.startsWith("layer ")
              ? msg.substring(6, msg.indexOf(':') > 6 ? msg.indexOf(':') : msg.length()).trim()
              : "";
      throw new ConfigException(file, space.lineOf(layer), "layers", msg);
    }
    return space;
  }

  private FileSpace.LayerSpec layer(Node item, Set<String> names) {
    Map<String, NodeTuple> m = mapping(item, "layers", KEYS);
    String name = scalar(required(m, "name", item), "name");
    if (!names.add(name)) {
      throw new ConfigException(file, line(item), "name", "duplicate layer name '" + name + "'");
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Node type = required(m, "type", item);
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      String key = e.getKey();
      Node v = e.getValue().getValueNode();
      if (key.equals("name")) {
        continue;
      }
      if (key.equals("inputs")) {
        List<String> ins =
            v instanceof SequenceNode sequenceNode
                ? scalars(sequenceNode, name + ".inputs")
                : List.of(scalar(v, name + ".inputs"));
        fields.put(key, List.of(String.join(" ", ins)));
        continue;
      }
      List<String> values =
          v instanceof SequenceNode sequenceNode
              ? scalars(sequenceNode, name + "." + key)
              : List.of(scalar(v, name + "." + key));
      List<String> lower = new ArrayList<>();
      for (String s : values) {
        lower.add(s.toLowerCase(Locale.ROOT));
      }
      if (lower.isEmpty() || new HashSet<>(lower).size() != lower.size()) {
        throw new ConfigException(
            file, line(v), name + "." + key, "choices must be non-empty" + " and distinct");
      }
      if (key.equals("type")) {
        for (String t : lower) {
          if (!FileLayers.TYPES.contains(t) && !(t.equals("skip") && lower.size() > 1)) {
            throw new ConfigException(
                file,
                line(type),
                name + ".type",
                "unknown type '"
                    + t
                    + "' (expected "
                    + String.join("|", new TreeSet<>(FileLayers.TYPES))
                    + (lower.size() > 1 ? "|skip" : "")
                    + ")");
          }
        }
      }
      fields.put(key, List.copyOf(lower));
    }
    return new FileSpace.LayerSpec(name, line(item), fields);
  }

  private Map<String, NodeTuple> mapping(Node n, String path, Set<String> allowed) {
    if (!(n instanceof MappingNode mappingNode)) {
      throw new ConfigException(file, line(n), path, "expected a mapping (key: value)");
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : mappingNode.getValue()) {
      String key =
          t.getKeyNode() instanceof ScalarNode ? ((ScalarNode) t.getKeyNode()).getValue() : "";
      String field = path.isEmpty() ? key : path + "." + key;
      if (!allowed.contains(key)) {
        throw new ConfigException(
            file,
            line(t.getKeyNode()),
            field,
            "unknown key; expected one" + " of " + String.join(", ", new TreeSet<>(allowed)));
      }
      if (out.put(key, t) != null) {
        throw new ConfigException(file, line(t.getKeyNode()), field, "duplicate key");
      }
    }
    return out;
  }

  private Node required(Map<String, NodeTuple> m, String key, Node owner) {
    NodeTuple t = m.get(key);
    if (t == null) {
      throw new ConfigException(file, line(owner), key, "missing (required)");
    }
    return t.getValueNode();
  }

  private String scalar(Node n, String field) {
    if (!(n instanceof ScalarNode scalarNode) || scalarNode.getValue().isBlank()) {
      throw new ConfigException(file, line(n), field, "expected a single value");
    }
    return scalarNode.getValue().trim();
  }

  private List<String> scalars(SequenceNode n, String field) {
    List<String> out = new ArrayList<>();
    for (Node v : n.getValue()) {
      out.add(scalar(v, field));
    }
    return out;
  }

  private int positive(Node n, String field) {
    String s = scalar(n, field);
    if (((ScalarNode) n).getScalarStyle() != ScalarStyle.PLAIN) {
      throw new ConfigException(
          file,
          line(n),
          field,
          "expected a number, found the quoted text"
              + " '"
              + s
              + "' (write numbers without quotes)");
    }
    try {
      long v = Numbers.whole(s);
      if (v > 0 && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(file, line(n), field, "expected a whole number > 0, was '" + s + "'");
  }

  private static int line(Node n) {
    return n.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
  }
}
