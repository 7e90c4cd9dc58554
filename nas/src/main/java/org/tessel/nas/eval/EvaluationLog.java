package org.tessel.nas.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;

/**
 * An append-only file of {@code key -> value} records that survives being killed at any moment.
 *
 * <p>Each record is one line, {@code key TAB value TAB crc32}, written with a single {@code write}
 * to a file opened for appending; the checksum covers key and value. On opening, every line is
 * checked and those that fail (a record cut short by a crash, a torn or garbled line) are skipped
 * and counted, never fatal; a file that does not end in a newline gets one, so the next record
 * starts on a line of its own. The first line names the format; a file without it is not touched.
 * Keys and values hold no tabs or newlines.
 *
 * <p>Thread-safe. Several processes may append to the same file: each record is one write to a file
 * opened in append mode, and a record that still comes out interleaved fails its checksum.
 */
public final class EvaluationLog implements Closeable {
  static final String HEADER = "# tessel nas evaluation log v1: key<TAB>value<TAB>crc32";

  private final Path file;
  private final FileChannel channel;
  private final Map<String, String> loaded;
  private final int damaged;
  private int appended;

  private EvaluationLog(Path file, FileChannel channel, Map<String, String> loaded, int damaged) {
    this.file = file;
    this.channel = channel;
    this.loaded = Collections.unmodifiableMap(loaded);
    this.damaged = damaged;
  }

  /**
   * Opens (or creates) the log at {@code file} and reads its intact records.
   *
   * @throws ConfigException when the file exists but is not such a log, or cannot be used
   */
  public static EvaluationLog open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new ConfigException(
            file.toString(),
            0,
            "",
            "is not a regular file (a folder, pipe" + " or device); give another --cache file");
      }
      if (!Files.exists(file)) {
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        Files.writeString(tmp, HEADER + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (!text.startsWith(HEADER)) {
        throw new ConfigException(
            file.toString(),
            1,
            "",
            "not a Tessel NAS evaluation log"
                + " (first line should be '"
                + HEADER
                + "'); give another --cache file");
      }
      Map<String, String> records = new LinkedHashMap<>();
      int bad = 0;
      int start = text.indexOf('\n') + 1;
      while (start > 0 && start < text.length()) {
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        String[] kv = parse(line);
        if (kv == null) {
          bad += line.isEmpty() ? 0 : 1;
        } else {
          records.putIfAbsent(kv[0], kv[1]);
        }
        start = end < 0 ? -1 : end + 1;
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
      }
      return new EvaluationLog(file, ch, records, bad);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "", "cannot use as a cache: " + e);
    }
  }

  /** The intact records read when the log was opened, in file order. */
  public Map<String, String> records() {
    return loaded;
  }

  /** Lines skipped when the log was opened (cut short or garbled). */
  public int damaged() {
    return damaged;
  }

  /** Records appended since the log was opened. */
  public synchronized int appended() {
    return appended;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The file's size in bytes. */
  public long sizeBytes() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Appends one record.
   *
   * @throws IllegalArgumentException when the key or value holds a tab or a newline
   * @throws IOException when the write fails
   */
  public synchronized void append(String key, String value) throws IOException {
    if (key.isEmpty() || clash(key) || clash(value)) {
      throw new IllegalArgumentException("log records hold no tabs or newlines: " + key);
    }
    String body = key + "\t" + value;
    ByteBuffer buf =
        ByteBuffer.wrap((body + "\t" + crc(body) + "\n").getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    appended++;
  }

  /** Forces appended records to the storage device. */
  public synchronized void sync() throws IOException {
    channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel.isOpen()) {
      channel.force(false);
      channel.close();
    }
  }

  /** Key and value of an intact line, or null. */
  static String @Nullable [] parse(String line) {
    int a = line.indexOf('\t');
    int b = line.lastIndexOf('\t');
    if (a <= 0 || b <= a) {
      return null;
    }
    String body = line.substring(0, b);
    if (!crc(body).equals(line.substring(b + 1))) {
      return null;
    }
    return new String[] {line.substring(0, a), line.substring(a + 1, b)};
  }

  private static String crc(String body) {
    CRC32 c = new CRC32();
    c.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", c.getValue());
  }

  private static boolean clash(String s) {
    return s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }
}
