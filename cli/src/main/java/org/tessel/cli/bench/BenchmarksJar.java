package org.tessel.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The JMH benchmarks jar ({@code benchmarks/target/benchmarks.jar}), run in a child JVM so that the
 * CLI itself carries no JMH: the benchmarks module is the only one that depends on it.
 *
 * @param jar the jar file
 */
public record BenchmarksJar(Path jar) {
  /** Where the jar is, relative to the repository root. */
  public static final Path RELATIVE = Path.of("benchmarks", "target", "benchmarks.jar");

  /** The command that builds the jar, from the repository root. */
  public static final String BUILD_COMMAND = "mvn -q -pl benchmarks -am package -DskipTests";

  /** Checks the path. */
  public BenchmarksJar {
    Objects.requireNonNull(jar, "jar");
  }

  /**
   * Where to look for the jar: in the repository the running code comes from ({@code
   * cli/target/tessel.jar} or {@code cli/target/classes}: three levels up), then below the working
   * directory.
   */
  public static List<Path> candidates(@Nullable Path codeSource, Path workingDir) {
    Set<Path> out = new LinkedHashSet<>();
    Path p = codeSource == null ? null : codeSource.toAbsolutePath().normalize();
    for (int up = 0; up < 3 && p != null; up++) {
      p = p.getParent();
    }
    if (p != null) {
      out.add(p.resolve(RELATIVE));
    }
    out.add(workingDir.toAbsolutePath().normalize().resolve(RELATIVE));
    return List.copyOf(out);
  }

  /** The first candidate that is a file. */
  public static Optional<BenchmarksJar> locate(List<Path> candidates) {
    return candidates.stream().filter(Files::isRegularFile).findFirst().map(BenchmarksJar::new);
  }

  /**
   * A file under a module's {@code src/main} (the CLI's aside) newer than the jar, if any: the jar
   * then measures older code. Empty when the jar is not in a repository's {@code
   * benchmarks/target}.
   */
  public Optional<Path> newerSource() throws IOException {
    Path abs = jar.toAbsolutePath().normalize();
    Path root =
        abs.getParent() == null || abs.getParent().getParent() == null
            ? null
            : abs.getParent().getParent().getParent();
    if (root == null || !abs.endsWith(RELATIVE)) {
      return Optional.empty();
    }
    FileTime built = Files.getLastModifiedTime(abs);
    List<Path> modules;
    try (Stream<Path> s = Files.list(root)) {
      modules =
          s.filter(m -> !m.getFileName().toString().equals("cli"))
              .map(m -> m.resolve("src/main"))
              .filter(Files::isDirectory)
              .sorted()
              .toList();
    }
    for (Path m : modules) {
      try (Stream<Path> s = Files.walk(m)) {
        Optional<Path> newer =
            s.filter(Files::isRegularFile).filter(f -> modifiedAfter(f, built)).findFirst();
        if (newer.isPresent()) {
          return newer;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean modifiedAfter(Path f, FileTime t) {
    try {
      return Files.getLastModifiedTime(f).compareTo(t) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The benchmarks the jar holds ({@code -lp}). */
  public List<Benchmark> list() throws IOException, InterruptedException {
    StringBuilder sb = new StringBuilder();
    int code = run(List.of("-lp"), line -> sb.append(line).append('\n'));
    if (code != 0) {
      throw new IOException(
          "'"
              + String.join(" ", command(List.of("-lp")))
              + "' exited with code "
              + code
              + ": "
              + sb.toString().strip());
    }
    return BenchmarkList.parse(sb.toString());
  }

  /** The child JVM's command line: this JVM's {@code java}, no options of ours. */
  public List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Runs the jar with {@code args}, passing each line of its output (stdout and stderr merged) to
   * {@code output}, and returns its exit code. The child JVM is destroyed if this JVM exits first
   * (for example on Ctrl-C).
   */
  public int run(List<String> args, Consumer<String> output)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command(args))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Process p = pb.start();
    Thread killer =
        new Thread(
            () -> {
              p.descendants().forEach(ProcessHandle::destroy);
              p.destroy();
            },
            "tessel-bench-cleanup");
    Runtime.getRuntime().addShutdownHook(killer);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), Charset.defaultCharset()))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        output.accept(line);
      }
      return p.waitFor();
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
