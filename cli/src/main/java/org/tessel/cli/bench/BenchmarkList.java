package org.tessel.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks in JMH's listing ({@code java -jar benchmarks.jar -lp}), and the selection by
 * regular expressions that JMH itself makes (a name is selected when a pattern is found in it).
 */
public final class BenchmarkList {
  private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$.]*");
  private static final Pattern PARAM = Pattern.compile("\\s+param \"([^\"]+)\" = \\{(.*)}\\s*");

  private BenchmarkList() {}

  /** Parses the output of {@code -lp} (or {@code -l}); lines it does not know are skipped. */
  public static List<Benchmark> parse(String listing) {
    List<Benchmark> out = new ArrayList<>();
    String name = null;
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String line : listing.lines().toList()) {
      Matcher p = PARAM.matcher(line);
      if (p.matches() && name != null) {
        String values = p.group(2).strip();
        params.put(p.group(1), values.isEmpty() ? List.of() : List.of(values.split(", ")));
      } else if (NAME.matcher(line).matches() && line.contains(".")) {
        if (name != null) {
          out.add(new Benchmark(name, params));
        }
        name = line;
        params = new LinkedHashMap<>();
      }
    }
    if (name != null) {
      out.add(new Benchmark(name, params));
    }
    return out;
  }

  /** The benchmarks whose names contain a match of any pattern; all when there is none. */
  public static List<Benchmark> select(List<Benchmark> all, List<Pattern> patterns) {
    if (patterns.isEmpty()) {
      return all;
    }
    return all.stream()
        .filter(b -> patterns.stream().anyMatch(p -> p.matcher(b.name()).find()))
        .toList();
  }
}
