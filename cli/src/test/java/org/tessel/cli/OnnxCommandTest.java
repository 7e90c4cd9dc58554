package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessel.onnx.testing.OnnxModels.in;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.onnx.testing.OnnxModels;

/** ONNX models on the command line: every command reads them, convert writes them out. */
final class OnnxCommandTest {
  @TempDir Path tmp;

  /** conv 3x3 (16 -> 16 channels on 8x8, pad 1) and a residual add. */
  private Path model(String name) throws IOException {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", "N", 16, 8, 8)
            .weight("w", 16, 16, 3, 3)
            .node("Conv", "conv", in("x", "w"), in("c"), "pads", new long[] {1, 1, 1, 1})
            .node("Relu", "relu", in("c"), in("r"))
            .node("Conv", "conv2", in("r", "w"), in("c2"), "pads", new long[] {1, 1, 1, 1})
            .node("Add", "res", in("c2", "c"), in("y"))
            .output("y");
    Path p = tmp.resolve(name);
    Files.write(p, m.bytes());
    return p;
  }

  @Test
  void simulateScheduleProfileAndSearchReadOnnx() throws IOException {
    Path onnx = model("block.onnx");
    Cli sim = Cli.run("simulate", "-t", onnx.toString(), "-q");
    assertEquals(0, sim.exitCode, sim::toString);
    assertTrue(sim.out.startsWith("block: "), sim.out);
    Cli sched = Cli.run("schedule", "-t", onnx.toString());
    assertEquals(0, sched.exitCode, sched::toString);
    assertTrue(sched.out.contains("optimal"), sched.out);
    Cli prof =
        Cli.run(
            "profile",
            "-t",
            onnx.toString(),
            "--sweep",
            "array.size=8,16",
            "-p",
            tmp.resolve("prof").toString());
    assertEquals(0, prof.exitCode, prof::toString);
    Cli search = Cli.run("search", "--space", onnx.toString(), "--no-cache", "-q");
    assertEquals(0, search.exitCode, search::toString);
    assertTrue(search.out.contains("1 architectures evaluated"), search.out);
  }

  @Test
  void convertWritesAFileThatSimulatesTheSame() throws IOException {
    Path onnx = model("block.onnx");
    Path yaml = tmp.resolve("net.yaml");
    Cli c = Cli.run("convert", onnx.toString(), "-o", yaml.toString());
    assertEquals(0, c.exitCode, c::toString);
    assertTrue(Files.readString(yaml).contains("{name: \"conv2\", type: conv"));
    // 2 convolutions of 8*8*16*9*16 = 147,456 MACs each
    assertTrue(c.out.contains("3 layers, 294,912 MACs per image"), c.out);
    Cli a =
        Cli.run(
            "simulate", "-t", onnx.toString(), "--batch", "3", "-p", tmp.resolve("a").toString());
    Cli b =
        Cli.run(
            "simulate", "-t", yaml.toString(), "--batch", "3", "-p", tmp.resolve("b").toString());
    assertEquals(0, a.exitCode, a::toString);
    assertEquals(
        a.out.replace("block", "X").replace("/a/", "/"),
        b.out.replace("block", "X").replace("/b/", "/"));
    for (String f : new String[] {"COMPUTE_REPORT.csv", "SUMMARY.json"}) {
      assertEquals(
          Files.readString(tmp.resolve("a/tessel_default/" + f)),
          Files.readString(tmp.resolve("b/tessel_default/" + f)),
          f);
    }
  }

  @Test
  void badModelIsOneLineExitThreeAndNothingWritten() throws IOException {
    Path bad = tmp.resolve("bad.onnx");
    byte[] all = Files.readAllBytes(model("good.onnx"));
    Files.write(bad, java.util.Arrays.copyOf(all, all.length / 2));
    Path yaml = tmp.resolve("out.yaml");
    Cli c = Cli.run("convert", bad.toString(), "-o", yaml.toString());
    assertEquals(3, c.exitCode, c::toString);
    assertEquals(1, c.err.strip().lines().count(), c.err);
    assertTrue(c.err.startsWith("tessel: " + bad + ": truncated"), c.err);
    assertFalse(Files.exists(yaml));
    try (var s = Files.list(tmp)) {
      assertEquals(2, s.count()); // the two models only: no temporary file left
    }
    Cli sim = Cli.run("simulate", "-t", bad.toString());
    assertEquals(3, sim.exitCode, sim::toString);
  }

  @Test
  void unknownOperatorNamesNodeOrIsSkippedWithAWarning() throws IOException {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 4, 8, 8)
            .weight("w", 4, 4, 1, 1)
            .node("Conv", "conv", in("x", "w"), in("c"))
            .node("MyCustomOp", "custom", in("c"), in("d"))
            .node("Conv", "conv2", in("d", "w"), in("y"));
    Path p = tmp.resolve("custom.onnx");
    Files.write(p, m.bytes());
    Cli c = Cli.run("simulate", "-t", p.toString(), "-q");
    assertEquals(3, c.exitCode, c::toString);
    assertEquals(
        "tessel: "
            + p
            + ": node 'custom' (MyCustomOp): unsupported operator"
            + " MyCustomOp (--skip-unknown passes it through at zero cost)",
        c.err.strip());
    Cli s = Cli.run("simulate", "-t", p.toString(), "-q", "--skip-unknown");
    assertEquals(0, s.exitCode, s::toString);
    assertTrue(s.err.startsWith("tessel: warning: " + p + ": 1 node(s)"), s.err);
    assertTrue(s.err.contains("node 'custom' (MyCustomOp)"), s.err);
  }
}
