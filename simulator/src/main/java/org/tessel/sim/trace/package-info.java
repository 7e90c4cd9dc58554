/**
 * Timelines: {@link org.tessel.sim.trace.TraceRecorder} collects spans (a fold, a DRAM transfer, a
 * stall, a layer) as primitives while the engine runs, and {@link org.tessel.sim.trace.ChromeTrace}
 * writes them in the Chrome trace-event format that Perfetto (ui.perfetto.dev) and chrome://tracing
 * open.
 */
@NullMarked
package org.tessel.sim.trace;

import org.jspecify.annotations.NullMarked;
