package org.tessel.sim.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reading policy: BOM, line ends, binary and non-UTF-8 files, numbers, YAML depth. */
final class TextFilesTest {
  @TempDir Path tmp;

  private Path bytes(String name, byte[] content) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, content);
    return p;
  }

  private static String message(Runnable r) {
    return assertThrows(ConfigException.class, r::run).getMessage();
  }

  @Test
  void bomIsSkipped_andEveryLineEndSplits() throws IOException {
    Path p = bytes("a.txt", "\ufeffa\r\nb\rc\nd".getBytes(StandardCharsets.UTF_8));
    assertAll(
        () -> assertEquals(List.of("a", "b", "c", "d"), TextFiles.lines(p)),
        () -> assertEquals(List.of("x", ""), TextFiles.lines("x\n\n")),
        () -> assertEquals(List.of(), TextFiles.lines("")));
  }

  @Test
  void binaryAndNonUtf8_areRefusedAtTheirLine() throws IOException {
    Path bin = bytes("b.yaml", new byte[] {'a', '\n', 'b', '\r', '\n', 0, 1});
    Path latin = bytes("l.yaml", "x\ncaf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    Path utf16 = bytes("u.yaml", "ab".getBytes(StandardCharsets.UTF_16LE));
    assertAll(
        () ->
            assertEquals(
                bin + ":3: a binary file (a NUL byte), expected UTF-8 text",
                message(() -> TextFiles.text(bin))),
        () ->
            assertEquals(
                latin + ":2: not UTF-8 text (byte 0xe9 at offset 5); save the file" + " as UTF-8",
                message(() -> TextFiles.text(latin))),
        () ->
            assertEquals(
                utf16 + ":1: a binary file (a NUL byte), expected UTF-8 text",
                message(() -> TextFiles.text(utf16))));
  }

  @Test
  void foldersAndMissingFiles_areRefused() throws IOException {
    Path link = tmp.resolve("dangling");
    Files.createSymbolicLink(link, tmp.resolve("nothing"));
    assertAll(
        () ->
            assertEquals(
                tmp + ": is a folder, expected a file", message(() -> TextFiles.text(tmp))),
        () ->
            assertEquals(
                tmp.resolve("none") + ": file not found",
                message(() -> TextFiles.text(tmp.resolve("none")))),
        () ->
            assertEquals(
                link + ": file not found (a symbolic link to nothing)",
                message(() -> TextFiles.text(link))));
  }

  @Test
  void numbers_oneNotation() {
    assertAll(
        () -> assertEquals(16, Numbers.whole("16")),
        () -> assertEquals(-3, Numbers.whole("-3")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.whole("1e3")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.whole("+16")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.whole("16.0")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.whole("\"16\"")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.whole("9223372036854775808")),
        () -> assertEquals(1e-3, Numbers.real("1e-3")),
        () -> assertEquals(0.5, Numbers.real(".5")),
        () -> assertEquals(200, Numbers.real("200")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.real("1e999")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.real("NaN")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.real("200f")),
        () -> assertThrows(NumberFormatException.class, () -> Numbers.real("0x10")));
  }

  @Test
  void yamlDepth_isLimitedBeforeComposing() {
    String ok =
        "a: "
            + "[".repeat(YamlDocuments.MAX_DEPTH - 1)
            + "1"
            + "]".repeat(YamlDocuments.MAX_DEPTH - 1)
            + "\n";
    String deep = "a: " + "[".repeat(5000) + "1" + "]".repeat(5000) + "\n";
    assertAll(
        () -> assertEquals(true, YamlDocuments.compose("ok.yaml", ok).isPresent()),
        () ->
            assertEquals(
                "deep.yaml:1: nested more than 64 levels deep",
                message(() -> YamlDocuments.compose("deep.yaml", deep))));
  }
}
