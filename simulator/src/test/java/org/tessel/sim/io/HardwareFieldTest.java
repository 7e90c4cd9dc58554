package org.tessel.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareDraft;
import org.tessel.sim.arch.HardwareField;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.Yaml;
import org.tessel.sim.testing.Shared;

/** The hardware schema against the YAML reader and the docs. */
final class HardwareFieldTest {
  /** A value for every field, none of them the default. */
  private static final Map<HardwareField, String> VALUES = new LinkedHashMap<>();

  static {
    String[][] v = {
      {"name", "x"},
      {"clockMHz", "150"},
      {"dataflow", "rs"},
      {"memoryModel", "tiles"},
      {"array.rows", "12"},
      {"array.cols", "14"},
      {"sram.ifmapKiB", "100"},
      {"sram.filterKiB", "8"},
      {"sram.ofmapKiB", "90"},
      {"sram.wordBytes", "2"},
      {"sram.banks", "3"},
      {"dram.mode", "user"},
      {"dram.bandwidthWordsPerCycle", "7"},
      {"dram.linkBits", "64"},
      {"dram.linkClockMHz", "60"},
      {"dram.rlcZeroFraction", "0.5"},
      {"dram.rlcOfmapZeroFraction", "0.75"},
      {"dram.ifmapLoadsStall", "true"},
      {"noc.topology", "xybus"},
      {"noc.linkBytesPerCycle", "8"},
      {"noc.ifmapBytesPerCycle", "2"},
      {"noc.filterBytesPerCycle", "6"},
      {"noc.psumInBytesPerCycle", "4"},
      {"noc.psumOutBytesPerCycle", "3"},
      {"noc.hopLatencyCycles", "0"},
      {"noc.multicast", "false"},
      {"glb.banks", "25"},
      {"glb.ports", "3"},
      {"glb.bytesPerPortPerCycle", "4"},
      {"scratchpad.filterWords", "224"},
      {"scratchpad.ifmapWords", "12"},
      {"scratchpad.psumWords", "24"},
      {"reconfig.configBits", "1794"},
      {"reconfig.busBitsPerCycle", "2"},
      {"reconfig.drainCycles", "5"},
      {"energy.macPj", "1.5"},
      {"energy.rfPj", "1.25"},
      {"energy.nocPj", "2.5"},
      {"energy.glbPj", "6.5"},
      {"energy.dramPj", "201"},
      {"mapping.search", "chip"},
      {"mapping.minUtilisation", "0.9"},
    };
    for (String[] kv : v) {
      VALUES.put(HardwareField.find(kv[0]).orElseThrow(), kv[1]);
    }
  }

  @Test
  void everyField_readFromYaml_equalsTheSchemaSetter() {
    StringBuilder yaml = new StringBuilder();
    String section = null;
    for (HardwareField f : HardwareField.values()) {
      String value = VALUES.get(f);
      assertTrue(value != null, () -> "no test value for " + f.key());
      if (f.section().isEmpty()) {
        yaml.append(f.key()).append(": ").append(value).append('\n');
        continue;
      }
      if (!f.section().equals(section)) {
        section = f.section();
        yaml.append(section).append(":\n");
      }
      yaml.append("  ").append(f.yamlKey()).append(": ").append(value).append('\n');
    }
    HardwareSpec read = HardwareReader.parse(Yaml.parse("all.yaml", yaml.toString()));
    HardwareDraft draft = new HardwareDraft(HardwareReader.preset("default"));
    for (HardwareField f : HardwareField.values()) {
      f.set(draft, VALUES.get(f));
    }
    assertEquals(read, draft.build(), yaml::toString);
  }

  @Test
  void everyField_isDocumented_withItsUnitAndDefault() throws IOException {
    String doc = Files.readString(Shared.rootDir().resolve("docs/hardware-format.md"));
    for (HardwareField f : HardwareField.values()) {
      int at = doc.indexOf("| `" + f.key() + "` |");
      assertTrue(at >= 0, () -> f.key() + " has no row in docs/hardware-format.md");
      String row = doc.substring(at, doc.indexOf('\n', at)).replace("`", "");
      String def = f.defaultValue().orElse("required");
      assertTrue(
          row.contains("| " + def + " |"), () -> f.key() + ": default " + def + " not in " + row);
      assertTrue(row.contains(f.unit()), () -> f.key() + ": unit " + f.unit() + " not in " + row);
    }
  }

  @Test
  void everyCfgKey_isDocumented_besideItsField() throws IOException {
    String doc = Files.readString(Shared.rootDir().resolve("docs/hardware-format.md"));
    for (HardwareField f : HardwareField.values()) {
      f.cfgKey()
          .ifPresent(
              k ->
                  assertTrue(
                      doc.contains("| `" + k + "` | `" + f.key() + "` |"),
                      () ->
                          k
                              + " -> "
                              + f.key()
                              + " not in the .cfg table of docs/hardware-format.md"));
    }
  }
}
