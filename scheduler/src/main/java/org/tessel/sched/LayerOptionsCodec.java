package org.tessel.sched;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.PinnedRowStationary;
import org.tessel.sim.dataflow.rs.RsMapping;

/**
 * {@link LayerOptions} as text, exactly (every number bit for bit), so that options computed in one
 * process can be given to the layer scheduler of another ({@link LayerScheduler#giveOptions}) with
 * the same hardware, objective, dataflows and code: base64 of a versioned binary form.
 */
public final class LayerOptionsCodec {
  private static final int VERSION = 1;

  private LayerOptionsCodec() {}

  /** The text of {@code o}. */
  public static String encode(LayerOptions o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      out.writeInt(o.candidates());
      out.writeInt(o.simulated());
      out.writeInt(o.whyNone().size());
      for (String w : o.whyNone()) {
        string(out, w);
      }
      out.writeInt(o.evaluated().size());
      for (Evaluation e : o.evaluated()) {
        evaluation(out, e);
      }
      out.writeInt(o.bestByDataflow().size());
      for (Map.Entry<String, Evaluation> b : o.bestByDataflow().entrySet()) {
        string(out, b.getKey());
        int at = o.evaluated().indexOf(b.getValue());
        out.writeInt(at);
        if (at < 0) {
          evaluation(out, b.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * The options {@code text} holds.
   *
   * @throws IllegalArgumentException when it is not the text of options of this version
   */
  public static LayerOptions decode(String text) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
      if (in.readInt() != VERSION) {
        throw new IllegalArgumentException("layer options of another version");
      }
      int candidates = in.readInt();
      int simulated = in.readInt();
      List<String> whyNone = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        whyNone.add(string(in));
      }
      List<Evaluation> evaluated = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        evaluated.add(evaluation(in));
      }
      Map<String, Evaluation> best = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String key = string(in);
        int at = in.readInt();
        best.put(key, at >= 0 ? evaluated.get(at) : evaluation(in));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("layer options followed by more bytes");
      }
      return new LayerOptions(evaluated, best, candidates, simulated, whyNone);
    } catch (IOException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not layer options: " + e, e);
    }
  }

  private static void evaluation(DataOutputStream out, Evaluation e) throws IOException {
    Candidate c = e.candidate();
    boolean pinned = c.dataflow() instanceof PinnedRowStationary;
    out.writeBoolean(pinned);
    string(
        out,
        pinned
            ? ((PinnedRowStationary) c.dataflow()).mapping().toString()
            : c.dataflow().shortName());
    string(out, c.tiling());
    out.writeInt(c.dataflowRank());
    out.writeInt(c.tilingRank());
    out.writeLong(e.cycles());
    out.writeLong(e.stallCycles());
    out.writeLong(Double.doubleToRawLongBits(e.energyPj()));
    out.writeLong(e.lowerBoundCycles());
    out.writeLong(Double.doubleToRawLongBits(e.occupancy()));
    string(out, e.configuration());
    HandOffWords h = e.handOff();
    out.writeLong(h.dramInputWords());
    out.writeLong(h.dramOutputWords());
    out.writeLong(h.inputRoomWords());
    out.writeLong(h.outputRoomWords());
  }

  private static Evaluation evaluation(DataInputStream in) throws IOException {
    boolean pinned = in.readBoolean();
    String name = string(in);
    Dataflow d =
        pinned
            ? new PinnedRowStationary(RsMapping.parse(name))
            : Dataflows.find(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown dataflow " + name));
    Candidate c = new Candidate(d, string(in), in.readInt(), in.readInt());
    long cycles = in.readLong();
    long stallCycles = in.readLong();
    double energyPj = Double.longBitsToDouble(in.readLong());
    long lowerBoundCycles = in.readLong();
    double occupancy = Double.longBitsToDouble(in.readLong());
    String configuration = string(in);
    HandOffWords h = new HandOffWords(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    return new Evaluation(
        c, cycles, stallCycles, energyPj, lowerBoundCycles, occupancy, configuration, h);
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IllegalArgumentException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
