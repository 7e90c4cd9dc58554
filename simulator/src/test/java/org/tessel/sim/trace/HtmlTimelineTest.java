package org.tessel.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class HtmlTimelineTest {
  @Test
  void onePerSpan_withCyclesInTooltips_andEscapedNames() {
    TraceRecorder rec = new TraceRecorder();
    rec.beginLayer("a<b", 0);
    rec.span(Track.ARRAY, 0, 10, 0);
    rec.span(Track.ARRAY, 10, 25, 1); // merges with the first: folds 0-1
    rec.span(Track.STALL, 30, 35, 2);
    rec.span(Track.ARRAY, 35, 40, 2);
    rec.endLayer(40);
    String html = HtmlTimeline.html(rec, 200, "t & u");
    assertEquals(rec.size(), html.split("<rect ", -1).length - 1, "one rectangle per span");
    assertTrue(html.contains("a&lt;b: folds 0-1 [0, 25) 25 cycles"), html);
    assertTrue(html.contains("a&lt;b: array stalls [30, 35) 5 cycles"), html);
    assertTrue(html.contains("<h3>t &amp; u &mdash; 40 cycles, 0.200 us at 200 MHz</h3>"), html);
  }
}
