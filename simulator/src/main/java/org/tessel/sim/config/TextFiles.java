package org.tessel.sim.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a user's text file under the one policy every reader shares (docs/inputs.md): the file must
 * exist and be a regular file (not a folder, pipe or device) of at most {@link #MAX_BYTES}; it must
 * be UTF-8 text without NUL bytes (a binary file is refused with one line); a byte order mark at
 * the start is skipped; lines may end in LF, CRLF or CR. Every problem is a {@link
 * ConfigException}.
 */
public final class TextFiles {
  /** The largest input file read, in bytes (64 MiB). */
  public static final long MAX_BYTES = 64L << 20;

  private TextFiles() {}

  /** The lines of {@code path}, without line ends. */
  public static List<String> lines(Path path) {
    return lines(text(path));
  }

  /** The lines of {@code text} (LF, CRLF or CR line ends), without line ends. */
  public static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> out = Arrays.asList(text.split("\r\n|\r|\n", -1));
    int n = out.size();
    return n > 0 && out.get(n - 1).isEmpty() ? out.subList(0, n - 1) : out;
  }

  /** The text of {@code path}, byte order mark removed, line ends as in the file. */
  public static String text(Path path) {
    String name = path.toString();
    if (!Files.exists(path)) {
      throw new ConfigException(
          name,
          0,
          "",
          Files.isSymbolicLink(path)
              ? "file not found (a symbolic link to nothing)"
              : "file not found");
    }
    if (Files.isDirectory(path)) {
      throw new ConfigException(name, 0, "", "is a folder, expected a file");
    }
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          name, 0, "", "is not a regular file (a pipe, socket or device);" + " give a file");
    }
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new ConfigException(
            name,
            0,
            "",
            "is "
                + size
                + " bytes; input files are limited"
                + " to "
                + MAX_BYTES
                + " bytes (64 MiB)");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
    }
    return decode(name, bytes);
  }

  /**
   * Decodes {@code bytes} of the file {@code name} as UTF-8 text, skipping a byte order mark.
   *
   * @throws ConfigException for a binary file or bytes that are not UTF-8
   */
  public static String decode(String name, byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ConfigException(
            name, lineAt(bytes, i), "", "a binary file (a NUL byte)," + " expected UTF-8 text");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes, start);
      throw new ConfigException(
          name,
          lineAt(bytes, bad),
          "",
          "not UTF-8 text (byte "
              + String.format("0x%02x", bytes[bad] & 0xff)
              + " at offset "
              + bad
              + "); save the file"
              + " as UTF-8");
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** The offset of the first byte that does not start a valid UTF-8 sequence. */
  private static int firstInvalid(byte[] b, int start) {
    var dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
    var out = java.nio.CharBuffer.allocate(Math.max(16, b.length));
    var r = dec.decode(in, out, true);
    return r.isError() ? in.position() : Math.max(start, b.length - 1);
  }
}
