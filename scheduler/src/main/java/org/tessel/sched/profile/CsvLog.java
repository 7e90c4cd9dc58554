package org.tessel.sched.profile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.output.OutputFile;
import org.tessel.sim.output.OutputPolicy;

/**
 * {@code PROFILE.csv} while a sweep runs: created with its header in one atomic step, then grown by
 * whole lines, each in one write, synced to disk at least once a second. A crash can leave at most
 * a torn last line (no line end), which reopening drops; the complete rows are kept, keyed by their
 * parameter values. The file is locked while open, so two sweeps cannot write it at once.
 */
final class CsvLog implements Closeable {
  private static final long SYNC_NANOS = 1_000_000_000L;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<Integer, String> known;
  private long lastSync = System.nanoTime();

  private CsvLog(Path file, FileChannel channel, FileLock lock, Map<Integer, String> known) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.known = known;
  }

  /**
   * Opens {@code file} for the sweep of {@code points} with {@code header}: creates it, or keeps
   * its complete rows when it holds rows of the same inputs.
   *
   * @throws ConfigException when the file was written for other inputs or another grid's columns,
   *     holds a point that is not in the grid (or twice), or a row this class did not write; or
   *     when another sweep is writing it
   */
  static CsvLog open(Path file, List<String> header, List<Point> points) throws IOException {
    String head = String.join("\n", header) + "\n";
    Map<Integer, String> known = new HashMap<>();
    long keep = 0;
    if (Files.exists(file)) {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--; // a torn last line: dropped
      }
      String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
      String[] parts = text.split("\n", -1); // text ends with a line end: the last part is ""
      List<String> lines = Arrays.asList(parts).subList(0, parts.length - 1);
      if (lines.size() < header.size() && head.startsWith(text)) {
        keep = -1; // only part of the header: start again
      } else {
        checkHeader(file, lines, header);
        keep = end;
        read(file, lines, header.size(), points, known);
      }
    }
    if (keep <= 0) {
      OutputFile.write(file, head, OutputPolicy.DEFAULT);
      keep = head.getBytes(StandardCharsets.UTF_8).length;
      known.clear();
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new ConfigException(file.toString(), 0, "", "another tessel profile is writing it");
    }
    ch.truncate(keep);
    ch.position(keep);
    return new CsvLog(file, ch, lock, known);
  }

  private static void checkHeader(Path file, List<String> lines, List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      String have = i < lines.size() ? lines.get(i) : "";
      if (!have.equals(header.get(i))) {
        String what = i == header.size() - 1 ? "columns differ" : "written for other inputs";
        throw new ConfigException(
            file.toString(),
            i + 1,
            "header",
            what
                + ": the file has '"
                + differing(have, header.get(i))
                + "', this run '"
                + differing(header.get(i), have)
                + "'; delete the file or choose another -p DIR");
      }
    }
  }

  /** The part of {@code a} that differs from {@code b}, widened to whole words. */
  static String differing(String a, String b) {
    int p = 0;
    while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < a.length() - p
        && s < b.length() - p
        && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
      s++;
    }
    int from = p;
    while (from > 0 && a.charAt(from - 1) != ' ' && a.charAt(from - 1) != ',') {
      from--;
    }
    int to = a.length() - s;
    while (to < a.length() && a.charAt(to) != ' ' && a.charAt(to) != ',') {
      to++;
    }
    String mid = a.substring(from, to);
    return (from > 0 ? "..." : "") + mid + (to < a.length() ? "..." : "");
  }

  private static void read(
      Path file,
      List<String> lines,
      int headerLines,
      List<Point> points,
      Map<Integer, String> known) {
    Map<List<String>, Integer> index = new HashMap<>();
    for (Point p : points) {
      index.put(p.values(), p.index());
    }
    int params = points.isEmpty() ? 0 : points.get(0).params().size();
    Map<Integer, Integer> lineOf = new HashMap<>();
    for (int i = headerLines; i < lines.size(); i++) {
      int n = i + 1;
      PointResult r = ProfileCsv.parse(lines.get(i), params, file.toString(), n);
      Integer at = index.get(r.values());
      if (at == null) {
        throw new ConfigException(
            file.toString(),
            n,
            "",
            "point "
                + new Point(0, points.get(0).params(), r.values()).label()
                + " is not in this grid;"
                + " delete the file or choose another -p DIR");
      }
      Integer prev = lineOf.putIfAbsent(at, n);
      if (prev != null) {
        throw new ConfigException(file.toString(), n, "", "same point as line " + prev);
      }
      known.put(at, lines.get(i));
    }
  }

  /** The rows already in the file, by point index. */
  Map<Integer, String> known() {
    return known;
  }

  /** Appends {@code row} and a line end in one write; syncs if the last sync is a second old. */
  void append(String row) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap((row + "\n").getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    if (System.nanoTime() - lastSync > SYNC_NANOS) {
      channel.force(false);
      lastSync = System.nanoTime();
    }
  }

  /**
   * Syncs, closes, and makes the file read {@code content} (replacing it atomically when its rows
   * are not already exactly that, as after resuming a grid that grew in the middle).
   */
  void finish(String content) throws IOException {
    channel.force(false);
    close();
    byte[] want = content.getBytes(StandardCharsets.UTF_8);
    if (!Arrays.equals(Files.readAllBytes(file), want)) {
      OutputFile.write(file, content, OutputPolicy.DEFAULT);
    }
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      lock.release();
      channel.close();
    }
  }
}
