package org.tessel.sim.stepper.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.workload.Layer;

/**
 * AlexNet CONV1-5 (batch 4) with the JSSC paper's Table III mappings on the {@code eyeriss} preset:
 * the first strip's pass, stepped literally, against the engine's closed form. The literal pass is
 * 4.4 % longer on CONV1 (its slide stalls: {@code q S = 11} leaves one free slot for a 4-word
 * slide, and a multicast row reaches PEs at different chain heights), 2.5 % shorter on CONV2, 0.5 %
 * shorter on CONV3, and 4.1 % longer on CONV4 and CONV5 (the row reloads of {@code n = 4} images
 * and skewed multicast). The reference suite holds the closed form to the chip's measurements (-6.0
 * % to +3.7 % per layer); these figures say how far the literal model of the same hardware is from
 * it. About 3 s: {@code mvn verify -Pslow}.
 */
@Tag("slow")
final class AlexNetPassesTest {
  @ParameterizedTest(name = "{0}: literal {7}, engine {8}")
  @CsvSource({
    // layer, padded input, kernel, channels, filters, stride, mapping (m n e p q r t), literal,
    // engine
    "CONV1, 227, 11, 3, 96, 4, 96 1 7 16 1 1 2, 11488, 11001",
    "CONV2, 31, 5, 48, 256, 1, 64 1 27 16 2 1 1, 4680, 4798",
    "CONV3, 15, 3, 256, 384, 1, 64 4 13 16 4 1 4, 11577, 11630",
    "CONV4, 15, 3, 192, 384, 1, 64 4 13 16 3 2 2, 8432, 8099",
    "CONV5, 15, 3, 192, 256, 1, 64 4 13 16 3 2 2, 8432, 8099",
  })
  void firstStrip_literalAgainstEngine(
      String name,
      int in,
      int kernel,
      int channels,
      int filters,
      int stride,
      String mapping,
      long literal,
      long engine) {
    HardwareSpec hw =
        HardwareReader.preset("eyeriss").withDram(new DramSpec(BandwidthMode.CALC, 1));
    Layer layer = Layer.scaleSimConv(name, in, in, kernel, kernel, channels, filters, stride);
    String[] v = mapping.split(" ", -1);
    RsMapping mp =
        new RsMapping(
            Integer.parseInt(v[0]),
            Integer.parseInt(v[1]),
            Integer.parseInt(v[2]),
            Integer.parseInt(v[3]),
            Integer.parseInt(v[4]),
            Integer.parseInt(v[5]),
            Integer.parseInt(v[6]));
    RsCase c = new RsCase(layer, 4, hw, mp);
    int es = mp.stripWidth(c.shape(), 0);
    assertEquals(engine, c.engine().stripTiming(0).total(), "engine");
    RsPassStepper.Result r = RsPassStepper.run(c.pass(es, RsCase.stepperHardware(hw)));
    assertEquals(literal, r.cycles(), "literal");
    assertEquals(0, r.outputMismatches(), "sums against the convolution");
  }
}
