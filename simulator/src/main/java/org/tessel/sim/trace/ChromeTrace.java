package org.tessel.sim.trace;

import java.util.Locale;

/**
 * Writes recorded spans as a Chrome trace-event JSON document: complete events ({@code "ph":"X"})
 * with timestamps in microseconds at the hardware clock, one thread (row) per {@link Track}, and
 * the exact cycles in each event's args.
 */
public final class ChromeTrace {
  private ChromeTrace() {}

  /** The JSON text for {@code rec}; {@code clockMHz} converts cycles to microseconds. */
  public static String json(TraceRecorder rec, double clockMHz, String processName) {
    StringBuilder sb = new StringBuilder(64 + rec.size() * 160);
    sb.append("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
    sb.append("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":");
    quote(sb, processName);
    sb.append("}}");
    for (Track t : Track.VALUES) {
      sb.append(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":")
          .append(t.ordinal() + 1)
          .append(",\"args\":{\"name\":");
      quote(sb, t.title());
      sb.append("}},\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":")
          .append(t.ordinal() + 1)
          .append(",\"args\":{\"sort_index\":")
          .append(t.ordinal())
          .append("}}");
    }
    for (int i = 0; i < rec.size(); i++) {
      Track t = rec.track(i);
      long s = rec.start(i);
      long e = rec.end(i);
      sb.append(",\n{\"name\":");
      quote(sb, name(t, rec, i));
      sb.append(",\"cat\":\"")
          .append(t.name().toLowerCase(Locale.ROOT))
          .append("\",\"ph\":\"X\",\"pid\":1,\"tid\":")
          .append(t.ordinal() + 1)
          .append(",\"ts\":")
          .append(micros(s, clockMHz))
          .append(",\"dur\":")
          .append(micros(e - s, clockMHz))
          .append(",\"args\":{\"layer\":");
      quote(sb, rec.layerName(i));
      sb.append(",\"startCycle\":")
          .append(s)
          .append(",\"endCycle\":")
          .append(e)
          .append(",\"cycles\":")
          .append(e - s)
          .append("}}");
    }
    sb.append("\n]}\n");
    return sb.toString();
  }

  private static String name(Track t, TraceRecorder rec, int i) {
    return switch (t) {
      case LAYERS -> rec.layerName(i);
      case ARRAY -> folds(rec, i);
      case STALL -> "stall";
      case RECONFIG -> "reconfigure for " + rec.layerName(i);
      case VECTOR -> rec.layerName(i);
      default -> folds(rec, i) + " " + (t == Track.OFMAP_DRAM ? "write-back" : "fill");
    };
  }

  private static String folds(TraceRecorder rec, int i) {
    long a = rec.index(i);
    long b = rec.lastIndex(i);
    return a == b ? "fold " + a : "folds " + a + "-" + b;
  }

  private static String micros(long cycles, double clockMHz) {
    return String.format(Locale.ROOT, "%.6f", cycles / clockMHz);
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c < 0x20 ? ' ' : c);
    }
    sb.append('"');
  }
}
