package org.tessel.sim.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A thin reader over snakeyaml-engine's node tree that keeps line numbers, so that every error
 * names the file, the line and the field. Only mappings, sequences and scalars are used.
 */
public final class Yaml {
  private final String file;

  private Yaml(String file) {
    this.file = file;
  }

  /** Parses {@code path} and returns its root mapping. */
  public static Obj load(Path path) {
    String name = path.toString();
    return parse(name, TextFiles.text(path));
  }

  /** Parses YAML text; {@code name} is used in messages. */
  public static Obj parse(String name, Reader reader) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
      sb.append(buf, 0, n);
    }
    return parse(name, sb.toString());
  }

  /** Parses YAML text (see {@link YamlDocuments}); {@code name} is used in messages. */
  public static Obj parse(String name, String text) {
    Yaml y = new Yaml(name);
    Optional<Node> root = YamlDocuments.compose(name, text);
    if (root.isEmpty()) {
      throw new ConfigException(name, 1, "", "the file is empty");
    }
    return y.obj(root.get(), "");
  }

  public int lineOf(Node n) {
    return YamlDocuments.lineOf(n);
  }

  public Obj obj(Node n, String path) {
    if (!(n instanceof MappingNode mappingNode)) {
      throw new ConfigException(file, lineOf(n), path, "expected a mapping (key: value lines)");
    }
    return new Obj(mappingNode, path);
  }

  /** A YAML mapping with its path from the root, for messages. */
  public final class Obj {
    private final MappingNode node;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    Obj(MappingNode node, String path) {
      this.node = node;
      this.path = path;
      for (NodeTuple t : node.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode)) {
          throw new ConfigException(file, lineOf(t.getKeyNode()), path, "keys must be plain words");
        }
        String key = ((ScalarNode) t.getKeyNode()).getValue();
        if (entries.put(key, t) != null) {
          throw new ConfigException(file, lineOf(t.getKeyNode()), field(key), "duplicate key");
        }
      }
    }

    public String file() {
      return file;
    }

    public int line() {
      return lineOf(node);
    }

    public String field(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    /** Rejects keys outside {@code allowed}, suggesting the closest known key. */
    public void allowOnly(Set<String> allowed) {
      for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          String hint = Suggest.closest(e.getKey(), allowed);
          throw new ConfigException(
              file,
              lineOf(e.getValue().getKeyNode()),
              field(e.getKey()),
              "unknown key"
                  + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                  + "; expected one of "
                  + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
      }
    }

    public ConfigException error(String key, String message) {
      NodeTuple t = entries.get(key);
      int line = t == null ? line() : lineOf(t.getValueNode());
      return new ConfigException(file, line, field(key), message);
    }

    private Node value(String key) {
      NodeTuple t = entries.get(key);
      if (t == null) {
        throw new ConfigException(file, line(), field(key), "missing (required)");
      }
      return t.getValueNode();
    }

    public String string(String key) {
      Node v = value(key);
      if (!(v instanceof ScalarNode scalarNode)) {
        throw new ConfigException(file, lineOf(v), field(key), "expected a single value");
      }
      String s = scalarNode.getValue().trim();
      if (s.isEmpty()) {
        throw new ConfigException(file, lineOf(v), field(key), "must not be empty");
      }
      return s;
    }

    public String string(String key, String fallback) {
      return has(key) ? string(key) : fallback;
    }

    /** The text of a number field: a plain scalar (a quoted value is text, not a number). */
    private String number(String key) {
      String s = string(key);
      Node v = value(key);
      if (((ScalarNode) v).getScalarStyle() != ScalarStyle.PLAIN) {
        throw error(
            key,
            "expected a number, found the quoted text '"
                + s
                + "' (write numbers"
                + " without quotes)");
      }
      return s;
    }

    public long positiveLong(String key) {
      return whole(key, 1);
    }

    /** A whole number of at least {@code min} (0 or 1). */
    private long whole(String key, long min) {
      String s = number(key);
      long v;
      try {
        v = Numbers.whole(s);
      } catch (NumberFormatException e) {
        throw error(key, "expected a whole number, was '" + s + "'");
      }
      if (v < min) {
        throw error(key, "must be " + (min == 1 ? "> 0" : ">= " + min) + ", was " + v);
      }
      return v;
    }

    public int positiveInt(String key) {
      return wholeInt(key, 1);
    }

    /** A whole number of at least {@code min} (0 or 1) that fits an {@code int}. */
    private int wholeInt(String key, long min) {
      long v = whole(key, min);
      if (v > Integer.MAX_VALUE) {
        throw error(key, "must be at most " + Integer.MAX_VALUE + ", was " + v);
      }
      return (int) v;
    }

    public int positiveInt(String key, int fallback) {
      return has(key) ? positiveInt(key) : fallback;
    }

    public int nonNegativeInt(String key, int fallback) {
      return has(key) ? wholeInt(key, 0) : fallback;
    }

    public double positiveDouble(String key, double fallback) {
      if (!has(key)) {
        return fallback;
      }
      String s = number(key);
      double v;
      try {
        v = Numbers.real(s);
      } catch (NumberFormatException e) {
        throw error(key, "expected a finite number such as 200, 0.5 or 1e-3, was '" + s + "'");
      }
      if (!(v > 0) || Double.isInfinite(v)) {
        throw error(key, "must be a number > 0, was " + s);
      }
      return v;
    }

    public String choice(String key, String fallback, Set<String> allowed) {
      String s = optionalChoice(key, allowed);
      return s == null ? fallback : s;
    }

    /** The value of {@code key}, lower-cased, one of {@code allowed}; null when absent. */
    public @Nullable String optionalChoice(String key, Set<String> allowed) {
      if (!has(key)) {
        return null;
      }
      String s = string(key).toLowerCase(Locale.ROOT);
      if (!allowed.contains(s)) {
        throw error(
            key,
            "expected one of "
                + String.join("|", new java.util.TreeSet<>(allowed))
                + ", was '"
                + s
                + "'");
      }
      return s;
    }

    public Obj obj(String key) {
      return Yaml.this.obj(value(key), field(key));
    }

    public List<Obj> objects(String key) {
      Node v = value(key);
      if (!(v instanceof SequenceNode sequenceNode)) {
        throw new ConfigException(file, lineOf(v), field(key), "expected a list ('- ' items)");
      }
      List<Obj> out = new ArrayList<>();
      int i = 0;
      for (Node item : sequenceNode.getValue()) {
        out.add(Yaml.this.obj(item, field(key) + "[" + i++ + "]"));
      }
      return out;
    }

    /** The mapping under {@code key}, or each mapping of the list under it. */
    public List<Obj> objectOrObjects(String key) {
      return value(key) instanceof SequenceNode ? objects(key) : List.of(obj(key));
    }

    /** Error at item {@code i} of the list under {@code key} (its own line). */
    public ConfigException itemError(String key, int i, String message) {
      Node v = value(key);
      if (v instanceof SequenceNode sequenceNode && i < sequenceNode.getValue().size()) {
        return new ConfigException(
            file, lineOf(sequenceNode.getValue().get(i)), field(key), message);
      }
      return error(key, message);
    }

    public List<String> strings(String key) {
      Node v = value(key);
      List<String> out = new ArrayList<>();
      if (v instanceof ScalarNode scalarNode) {
        out.add(scalarNode.getValue().trim());
        return out;
      }
      if (!(v instanceof SequenceNode sequenceNode)) {
        throw new ConfigException(file, lineOf(v), field(key), "expected a name or a list");
      }
      for (Node item : sequenceNode.getValue()) {
        if (!(item instanceof ScalarNode scalarNode)) {
          throw new ConfigException(file, lineOf(item), field(key), "expected names");
        }
        out.add(scalarNode.getValue().trim());
      }
      return out;
    }
  }
}
