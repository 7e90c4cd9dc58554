package org.tessel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.cluster.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Who may join: the shared secret, the code fingerprint; and the safe defaults. */
final class ClusterNodeTest {
  private static final WorkFactory ECHO =
      (job, node) -> unit -> unit + "@" + ClusterNode.address(node.self());

  @Test
  void clusterName_dependsOnTheSecret_andDoesNotShowIt() {
    String a = ClusterNode.clusterName("lab", "s3cret");
    assertEquals(a, ClusterNode.clusterName("lab", "s3cret"));
    assertNotEquals(a, ClusterNode.clusterName("lab", "s3cres"));
    assertNotEquals(a, ClusterNode.clusterName("lab2", "s3cret"));
    assertTrue(a.startsWith("tessel.lab.") && !a.contains("s3cret"), a);
    assertEquals("tessel.lab.".length() + 32, a.length());
  }

  @Test
  void config_isTcpIpOnly_loopback_noPhoneHome() {
    var c =
        ClusterNode.config(Members.settings("lab", "x", 5701, List.of(5702), Members.FP, "worker"));
    var join = c.getNetworkConfig().getJoin();
    assertTrue(
        !join.getMulticastConfig().isEnabled()
            && !join.getAutoDetectionConfig().isEnabled()
            && join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1:5702"), join.getTcpIpConfig().getMembers());
    assertEquals(
        List.of("127.0.0.1"),
        new ArrayList<>(c.getNetworkConfig().getInterfaces().getInterfaces()));
    assertEquals("false", c.getProperty("hazelcast.phone.home.enabled"));
    assertEquals("false", c.getProperty("hazelcast.socket.bind.any"));
  }

  @Test
  void wrongSecret_isRefused_rightSecret_joins() throws Exception {
    int pa = Members.freePort();
    try (ClusterNode a =
            ClusterNode.start(
                Members.settings("t-sec", "right", pa, List.of(), Members.FP, "coordinator"),
                ECHO);
        ClusterNode wrong =
            ClusterNode.start(
                Members.settings("t-sec", "wrong", pa + 1, List.of(pa), Members.FP, "worker"),
                ECHO)) {
      // the wrong one has finished its join attempts (it started alone); let it retry once more
      Thread.sleep(1000);
      assertEquals(1, a.members().size(), "a member with another secret joined");
      assertEquals(1, wrong.members().size());
      try (ClusterNode right =
          ClusterNode.start(
              Members.settings("t-sec", "right", pa + 2, List.of(pa), Members.FP, "worker"),
              ECHO)) {
        Members.awaitSize(a, 2);
        assertEquals(2, a.members().size());
        assertEquals(2, right.members().size());
        assertEquals(1, wrong.members().size());
      }
    }
  }

  @Test
  void otherCode_getsNoWork_andRefusesBatches() throws Exception {
    int pa = Members.freePort();
    try (ClusterNode a =
            ClusterNode.start(
                Members.settings("t-code", "s", pa, List.of(), Members.FP, "coordinator"), ECHO);
        ClusterNode other =
            ClusterNode.start(
                Members.settings("t-code", "s", pa + 1, List.of(pa), "0".repeat(64), "worker"),
                ECHO)) {
      Members.awaitSize(a, 2);
      assertEquals(2, a.members().size());
      List<String> notices = Collections.synchronizedList(new ArrayList<>());
      Dispatcher d = new Dispatcher(a, notices::add, 1);
      List<String> units = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        units.add("u" + i);
      }
      String[] got = new String[units.size()];
      JobSpec job = new JobSpec("echo", List.of(), Map.of(), Members.FP);
      d.run(job, ECHO.create(job, a), units, (i, r) -> got[i] = r);
      String self = ClusterNode.address(a.self());
      for (int i = 0; i < got.length; i++) {
        assertEquals("u" + i + "@" + self, got[i]);
      }
      assertEquals(1, d.members().size());
      assertTrue(
          notices.stream()
              .anyMatch(
                  n ->
                      n.startsWith(
                          "cluster: refused member "
                              + ClusterNode.address(other.self())
                              + ": its code (sha256:000000000000) differs from"
                              + " this coordinator's (sha256:ffffffffffff)")),
          notices::toString);
      // a batch sent to it anyway is refused by the member itself
      Member m = other.self();
      var f =
          a.hazelcast()
              .getExecutorService(ClusterNode.EXECUTOR)
              .submitToMember(new BatchTask(job.id(), Members.FP, new String[] {"x"}), m);
      ExecutionException e = assertThrows(ExecutionException.class, f::get);
      assertTrue(e.getCause() instanceof CodeMismatchException, e::toString);
      assertEquals(
          "this member's code (sha256:000000000000) differs from the coordinator's"
              + " (sha256:ffffffffffff)",
          e.getCause().getMessage());
    }
  }
}
