package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflows;

/**
 * The network optimum: the linear-time dynamic program over the layered graph equals brute force
 * over every sequence and jgrapht's Dijkstra over the full layered graph (all pairs of consecutive
 * candidates, each edge weighted with the next layer's cycles plus a reconfiguration when the
 * configuration changes).
 */
final class NetworkOptimumTest {
  private static final String[] CONFIGS = {"os", "ws", "is"};

  private static Evaluation eval(int config, long cycles, int rank) {
    Candidate c =
        new Candidate(Dataflows.all().get(config), Candidate.SYSTOLIC_TILING, config, rank);
    return new Evaluation(c, cycles, 0, cycles * 2.0, 0, 0, CONFIGS[config]);
  }

  private static LayerOptions layer(List<Evaluation> list) {
    List<Evaluation> sorted = new ArrayList<>(list);
    sorted.sort((a, b) -> a.compareTo(b, Objective.CYCLES));
    return new LayerOptions(sorted, Map.of(), list.size(), list.size(), List.of());
  }

  private static NetworkScheduler scheduler(long reconfig) {
    HardwareSpec hw = Fixtures.reconfig(Fixtures.mesh(), reconfig);
    return new NetworkScheduler(
        new LayerScheduler(
            hw, Objective.CYCLES, CandidateSpace.dataflows(hw), new EvaluationCache()),
        1);
  }

  private static long cost(List<LayerOptions> seq, int[] pick, long reconfig) {
    long sum = 0;
    String prev = null;
    for (int k = 0; k < seq.size(); k++) {
      Evaluation e = seq.get(k).evaluated().get(pick[k]);
      sum += e.cycles() + (e.configuration().equals(prev) ? 0 : reconfig);
      prev = e.configuration();
    }
    return sum;
  }

  private static long bruteForce(List<LayerOptions> seq, long reconfig) {
    int n = seq.size();
    int[] pick = new int[n];
    long best = Long.MAX_VALUE;
    while (true) {
      best = Math.min(best, cost(seq, pick, reconfig));
      int k = n - 1;
      while (k >= 0 && ++pick[k] == seq.get(k).evaluated().size()) {
        pick[k--] = 0;
      }
      if (k < 0) {
        return best;
      }
    }
  }

  private static double dijkstra(List<LayerOptions> seq, long reconfig) {
    Graph<String, DefaultWeightedEdge> g =
        new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    g.addVertex("s");
    g.addVertex("t");
    for (int k = 0; k < seq.size(); k++) {
      List<Evaluation> list = seq.get(k).evaluated();
      for (int j = 0; j < list.size(); j++) {
        String v = k + "/" + j;
        g.addVertex(v);
        if (k == 0) {
          g.setEdgeWeight(g.addEdge("s", v), (double) (reconfig + list.get(j).cycles()));
        } else {
          List<Evaluation> prev = seq.get(k - 1).evaluated();
          for (int i = 0; i < prev.size(); i++) {
            boolean same = prev.get(i).configuration().equals(list.get(j).configuration());
            g.setEdgeWeight(
                g.addEdge((k - 1) + "/" + i, v),
                (double) ((same ? 0 : reconfig) + list.get(j).cycles()));
          }
        }
        if (k == seq.size() - 1) {
          g.setEdgeWeight(g.addEdge(v, "t"), 0);
        }
      }
    }
    return new DijkstraShortestPath<>(g).getPathWeight("s", "t");
  }

  @Test
  void dynamicProgram_equalsBruteForceAndDijkstra() {
    Random rnd = new Random(9);
    for (int trial = 0; trial < 300; trial++) {
      long reconfig = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(300);
      int layers = 1 + rnd.nextInt(6);
      List<LayerOptions> seq = new ArrayList<>();
      for (int k = 0; k < layers; k++) {
        List<Evaluation> list = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int j = 0; j < n; j++) {
          list.add(eval(rnd.nextInt(3), 100 + rnd.nextInt(400), j));
        }
        seq.add(layer(list));
      }
      NetworkScheduler s = scheduler(reconfig);
      long dp = cost(seq, s.path(seq, 1, 0), reconfig);
      assertEquals(bruteForce(seq, reconfig), dp, "trial " + trial);
      assertEquals(dijkstra(seq, reconfig), (double) dp, 0.0, "trial " + trial);
    }
  }

  /** {@code a * cycles + b * energy} of a path, reconfigurations and every hand-off included. */
  private static double cost(
      List<LayerOptions> seq, int[] pick, long reconfig, HandOff h, double a, double b) {
    double sum = 0;
    String prev = null;
    for (int k = 0; k < seq.size(); k++) {
      Evaluation e = seq.get(k).evaluated().get(pick[k]);
      sum +=
          a * e.cycles()
              + b * e.energyPj()
              + (e.configuration().equals(prev) || reconfig == 0 ? 0 : a * reconfig);
      if (k > 0) {
        Evaluation p = seq.get(k - 1).evaluated().get(pick[k - 1]);
        if (h.applies(k, p, e)) {
          sum -= b * (h.inputSavedPj(e) + h.outputSavedPj(k, p));
        }
      }
      prev = e.configuration();
    }
    return sum;
  }

  @Test
  void dynamicProgramWithHandOffs_equalsBruteForce() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 400; trial++) {
      long reconfig = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(300);
      int layers = 1 + rnd.nextInt(5);
      List<LayerOptions> seq = new ArrayList<>();
      HandOff.Link[] links = new HandOff.Link[layers];
      for (int k = 0; k < layers; k++) {
        List<Evaluation> list = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int j = 0; j < n; j++) {
          int config = rnd.nextInt(3);
          long cycles = 100L + rnd.nextInt(400);
          Candidate c =
              new Candidate(Dataflows.all().get(config), Candidate.SYSTOLIC_TILING, config, j);
          HandOffWords w =
              new HandOffWords(
                  rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(100), rnd.nextInt(100));
          list.add(new Evaluation(c, cycles, 0, 200 + rnd.nextInt(400), 0, 0, CONFIGS[config], w));
        }
        seq.add(layer(list));
        links[k] =
            k > 0 && rnd.nextInt(4) > 0
                ? new HandOff.Link(true, rnd.nextBoolean(), rnd.nextInt(100))
                : HandOff.Link.NONE;
      }
      HandOff h = HandOff.of(links, 1 + rnd.nextInt(3));
      NetworkScheduler s = scheduler(reconfig);
      for (double[] ab : new double[][] {{0, 1}, {1, 1}, {1, 0}, {0.5, 2}}) {
        double dp = cost(seq, s.path(seq, h, ab[0], ab[1]), reconfig, h, ab[0], ab[1]);
        assertEquals(
            bruteForce(seq, reconfig, h, ab[0], ab[1]),
            dp,
            1e-9,
            "trial " + trial + " a=" + ab[0] + " b=" + ab[1]);
      }
    }
  }

  private static double bruteForce(
      List<LayerOptions> seq, long reconfig, HandOff h, double a, double b) {
    int n = seq.size();
    int[] pick = new int[n];
    double best = Double.MAX_VALUE;
    while (true) {
      best = Math.min(best, cost(seq, pick, reconfig, h, a, b));
      int k = n - 1;
      while (k >= 0 && ++pick[k] == seq.get(k).evaluated().size()) {
        pick[k--] = 0;
      }
      if (k < 0) {
        return best;
      }
    }
  }

  @Test
  void handCase_optimumStaysOnOneDataflowWhereGreedySwitches() {
    // three layers; os costs 1000 each; ws costs 900 on the middle layer only.
    // greedy: os, ws, os = 1000 + 900 + 1000 + 3 reconfigurations of 120 = 3260
    // optimum: os, os, os = 3000 + 1 reconfiguration = 3120
    List<LayerOptions> seq =
        List.of(
            layer(List.of(eval(0, 1000, 0), eval(1, 1200, 0))),
            layer(List.of(eval(0, 1000, 0), eval(1, 900, 0))),
            layer(List.of(eval(0, 1000, 0), eval(1, 1200, 0))));
    NetworkScheduler s = scheduler(120);
    int[] pick = s.path(seq, 1, 0);
    assertArrayEquals(new int[] {0, 1, 0}, pick); // index 1 of the middle layer is os (sorted)
    assertEquals(3120, cost(seq, pick, 120));
    // with a 40-cycle reconfiguration switching pays: 1000 + 900 + 1000 + 3 * 40 = 3020 < 3040
    int[] cheap = scheduler(40).path(seq, 1, 0);
    assertEquals(3020, cost(seq, cheap, 40));
  }
}
