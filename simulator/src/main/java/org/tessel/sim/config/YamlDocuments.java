package org.tessel.sim.config;

import java.io.StringReader;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Every YAML input (networks, hardware, space files) goes through here: the text as {@link
 * TextFiles} reads it, nesting at most {@link #MAX_DEPTH} mappings and lists deep (checked on the
 * event stream before the recursive composer runs, so deep input is a message, not a stack
 * overflow), at most {@link #MAX_ALIASES} aliases, and every parser error one {@link
 * ConfigException} with its line.
 */
public final class YamlDocuments {
  /** The deepest nesting of mappings and lists accepted. */
  public static final int MAX_DEPTH = 64;

  /** The most aliases ({@code *name}) accepted in one file. */
  public static final int MAX_ALIASES = 50;

  private YamlDocuments() {}

  /**
   * The root node of {@code text}, or empty for a document with no content.
   *
   * @param file the file's name, for messages
   * @throws ConfigException for text that is not valid YAML or nests too deep
   */
  public static Optional<Node> compose(String file, String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(Integer.MAX_VALUE)
            .build();
    try {
      int depth = 0;
      for (Event e : new Parse(settings).parseReader(new StringReader(text))) {
        switch (e.getEventId()) {
          case MappingStart, SequenceStart -> {
            if (++depth > MAX_DEPTH) {
              throw new ConfigException(
                  file,
                  e.getStartMark().map(m -> m.getLine() + 1).orElse(0),
                  "",
                  "nested more than " + MAX_DEPTH + " levels deep");
            }
          }
          case MappingEnd, SequenceEnd -> depth--;
          default -> {}
        }
      }
      return new Compose(settings).composeReader(new StringReader(text));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ConfigException(file, line, "", "not valid YAML: " + oneLine(e.getProblem()));
    } catch (YamlEngineException e) {
      throw new ConfigException(file, 0, "", "not valid YAML: " + oneLine(e.getMessage()));
    }
  }

  /** The 1-based line of {@code n}, or 0. */
  public static int lineOf(Node n) {
    return n.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
  }

  private static String oneLine(@Nullable String s) {
    return s == null ? "" : s.replaceAll("\\s*[\r\n]+\\s*", " ").strip();
  }
}
