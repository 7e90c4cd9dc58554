package org.tessel.sched.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tessel.sched.EvaluationCache;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.output.OutputFile;
import org.tessel.sim.output.OutputPolicy;

/**
 * A sweep cut into {@code N} slices for a batch scheduler (a SLURM job array): shard {@code K}
 * computes the contiguous block of grid points {@code [K n / N, (K + 1) n / N)} into {@code
 * shards/PROFILE.K-of-N.csv} (the same crash-safe, resumable rows as {@code PROFILE.csv}); {@link
 * #merge} joins the slices into the {@code PROFILE.csv} and plots the unsharded sweep writes.
 */
public final class Shards {
  /** The folder of the slices, inside the sweep's output folder. */
  public static final String DIR = "shards";

  private static final Pattern NAME = Pattern.compile("PROFILE\\.(\\d+)-of-(\\d+)\\.csv");

  private Shards() {}

  /** The file of slice {@code k} of {@code n} in the sweep folder {@code dir}. */
  public static Path file(Path dir, int k, int n) {
    return dir.resolve(DIR).resolve("PROFILE." + k + "-of-" + n + ".csv");
  }

  /** The grid indices of slice {@code k} of {@code n} of a grid of {@code points} points. */
  public static List<Integer> slice(int points, int k, int n) {
    if (n < 1 || k < 0 || k >= n) {
      throw new IllegalArgumentException("shard: expected K/N with 0 <= K < N, was " + k + "/" + n);
    }
    List<Integer> out = new ArrayList<>();
    for (int i = (int) ((long) points * k / n); i < (long) points * (k + 1) / n; i++) {
      out.add(i);
    }
    return out;
  }

  /**
   * Computes slice {@code k} of {@code n} of {@code spec} into its file in {@code dir} with {@code
   * runner} (resuming the rows the file holds); returns the points computed now.
   *
   * @throws ConfigException when the file holds rows of other inputs or of another slice
   * @throws IOException when the file cannot be written
   */
  public static int run(
      ProfileSpec spec,
      EvaluationCache cache,
      Path dir,
      int k,
      int n,
      PointRunner runner,
      ProfileListener listener)
      throws IOException {
    List<Point> all = spec.grid().points();
    ProfileWork work = new ProfileWork(spec, cache);
    List<Integer> slice = slice(all.size(), k, n);
    List<Point> points = new ArrayList<>();
    for (int i : slice) {
      points.add(all.get(i));
    }
    List<String> header = ProfileCsv.header(spec);
    Path file = file(dir, k, n);
    Files.createDirectories(file.getParent());
    int first = slice.isEmpty() ? 0 : slice.get(0);
    String[] rows = new String[slice.size()];
    try (CsvLog log = CsvLog.open(file, header, points)) {
      log.known().forEach((i, row) -> rows[i - first] = row);
      List<Integer> todo = new ArrayList<>();
      for (int i : slice) {
        if (rows[i - first] == null) {
          todo.add(i);
        }
      }
      int reused = slice.size() - todo.size();
      listener.started(slice.size(), reused);
      int[] next = {0};
      int[] done = {reused};
      if (!todo.isEmpty()) {
        runner.run(
            work,
            todo,
            (i, row) -> {
              synchronized (rows) {
                if (rows[i - first] != null) {
                  return;
                }
                rows[i - first] = row;
                done[0]++;
                while (next[0] < rows.length && rows[next[0]] != null) {
                  if (!log.known().containsKey(first + next[0])) {
                    log.append(rows[next[0]]);
                  }
                  next[0]++;
                }
                listener.pointDone(done[0], rows.length);
              }
            });
      }
      StringBuilder content = new StringBuilder();
      header.forEach(h -> content.append(h).append('\n'));
      for (String r : rows) {
        content.append(r).append('\n');
      }
      log.finish(content.toString());
      return todo.size();
    }
  }

  /**
   * The shard files in {@code folder} whose names {@code name} matches (group 1 is K, group 2 is
   * N), sorted: a complete set, K = 0 .. N-1 of one N, so N is the list's size.
   *
   * @param none the message when there is no shard file (what to run first)
   * @param fileOf the file of shard K of N, named in the message when it is missing
   * @throws ConfigException when there is none, when counts differ or K is out of range (naming the
   *     file), or when a shard is missing (naming its file)
   * @throws IOException when the folder cannot be listed
   */
  public static List<Path> completeSet(
      Path folder, Pattern name, String none, BiFunction<Integer, Integer, Path> fileOf)
      throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> s = Files.list(folder)) {
        s.filter(p -> name.matcher(p.getFileName().toString()).matches())
            .sorted()
            .forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      throw new ConfigException(folder.toString(), 0, "", none);
    }
    int n = -1;
    boolean[] have = new boolean[0]; // sized by the first shard
    for (Path f : files) {
      Matcher m = name.matcher(f.getFileName().toString());
      m.matches();
      int k = Integer.parseInt(m.group(1));
      int of = Integer.parseInt(m.group(2));
      if (n < 0) {
        n = of;
        have = new boolean[n];
      } else if (of != n) {
        throw new ConfigException(
            f.toString(),
            0,
            "",
            "shards of " + of + " and of " + n + " in one folder; remove the stale ones");
      }
      if (k >= n) {
        throw new ConfigException(
            f.toString(), 0, "", "shard " + k + " of " + n + " does not exist");
      }
      have[k] = true;
    }
    for (int k = 0; k < n; k++) {
      if (!have[k]) {
        throw new ConfigException(
            fileOf.apply(k, n).toString(), 0, "", "missing: run shard " + k + "/" + n + " first");
      }
    }
    return files;
  }

  /**
   * Joins every slice in {@code dir}'s {@code shards} folder into {@code dir/PROFILE.csv}, which
   * {@link Profiler#run} then finds complete (it computes nothing and draws the plots).
   *
   * @throws ConfigException when there are no slices, they are of different counts or inputs, or a
   *     slice is missing or incomplete (nothing is written then)
   * @throws IOException when a file cannot be read or written
   */
  public static void merge(ProfileSpec spec, Path dir) throws IOException {
    int n =
        completeSet(
                dir.resolve(DIR),
                NAME,
                "no shard files (PROFILE.K-of-N.csv): run tessel profile ... --shard K/N -p with the same DIR first",
                (k, count) -> file(dir, k, count))
            .size();
    List<String> header = ProfileCsv.header(spec);
    List<Point> all = spec.grid().points();
    String[] rows = new String[all.size()];
    for (int k = 0; k < n; k++) {
      Path f = file(dir, k, n);
      List<Integer> slice = slice(all.size(), k, n);
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < header.size(); i++) {
        if (i >= lines.length || !lines[i].equals(header.get(i))) {
          throw new ConfigException(
              f.toString(),
              i + 1,
              "header",
              "written for other inputs"
                  + " than this merge's; merge with the options the shards ran with");
        }
      }
      int complete = lines.length - 1 - header.size(); // the text ends with a line end
      if (complete != slice.size() || !text.endsWith("\n")) {
        throw new ConfigException(
            f.toString(),
            0,
            "",
            "incomplete: "
                + Math.max(0, complete)
                + " of "
                + slice.size()
                + " points; run shard "
                + k
                + "/"
                + n
                + " again to finish"
                + " it");
      }
      for (int j = 0; j < slice.size(); j++) {
        String row = lines[header.size() + j];
        PointResult r =
            ProfileCsv.parse(row, spec.grid().params().size(), f.toString(), header.size() + j + 1);
        int i = slice.get(j);
        if (!r.values().equals(all.get(i).values())) {
          throw new ConfigException(
              f.toString(),
              header.size() + j + 1,
              "",
              "not the point" + " this slice holds there (" + all.get(i).label() + ")");
        }
        rows[i] = row;
      }
    }
    StringBuilder content = new StringBuilder();
    header.forEach(h -> content.append(h).append('\n'));
    for (String r : rows) {
      content.append(r).append('\n');
    }
    Files.createDirectories(dir);
    OutputFile.write(dir.resolve(Profiler.CSV), content.toString(), OutputPolicy.DEFAULT);
  }
}
