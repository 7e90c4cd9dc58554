package org.tessel.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * This process's member of a Tessel cluster: an embedded Hazelcast instance configured to be safe
 * by default, the jobs it can run, and the cluster-wide caches.
 *
 * <p>Safe by default: TCP/IP join with the members named by the user (multicast and auto-detection
 * off), listening on the one interface given (loopback unless told otherwise), phone-home off.
 * Hazelcast's Community Edition has no member authentication, so the cluster name Hazelcast
 * compares on every join is {@code tessel.<name>.<tag>} with {@code tag} an HMAC-SHA256 of the name
 * under the shared secret: a member with another secret asks to join another cluster and is turned
 * away by Hazelcast itself, before it sees any data. Each member also publishes its code
 * fingerprint as a member attribute; coordinators send work only to members of their own code, and
 * a batch that reaches other code is refused ({@link CodeMismatchException}). Nothing is encrypted:
 * see docs/cluster.md.
 */
public final class ClusterNode implements AutoCloseable {
  /** Member attribute: the code fingerprint. */
  public static final String CODE = "tessel.code";

  /** Member attribute: coordinator, worker or control. */
  public static final String ROLE = "tessel.role";

  /** Member attribute: batches run at once. */
  public static final String THREADS = "tessel.threads";

  static final String EXECUTOR = "tessel-batches";
  static final String JOBS = "tessel-jobs";
  static final String CACHE = "tessel-cache";
  static final String LAYERS = "tessel-layers";
  static final String CONTROL = "tessel-control";

  private static final Map<String, ClusterNode> NODES = new ConcurrentHashMap<>();

  /** Held so that the level set on it stays (JUL keeps loggers weakly). */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  private final HazelcastInstance hz;
  private final ClusterSettings settings;
  private final WorkFactory factory;
  private final Map<String, Work> works = new ConcurrentHashMap<>();

  private ClusterNode(HazelcastInstance hz, ClusterSettings settings, WorkFactory factory) {
    this.hz = hz;
    this.settings = settings;
    this.factory = factory;
  }

  /**
   * Starts this process's member and joins the cluster (or waits alone for the others to join).
   *
   * @throws IllegalArgumentException when the bind address is not an address of this machine's
   */
  public static ClusterNode start(ClusterSettings settings, WorkFactory factory) {
    quietLogging();
    Config config = config(settings);
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
    ClusterNode node = new ClusterNode(hz, settings, factory);
    NODES.put(hz.getName(), node);
    return node;
  }

  /** Hazelcast's INFO chatter off: Tessel prints its own progress. */
  static void quietLogging() {
    if (System.getProperty("hazelcast.logging.type") == null) {
      System.setProperty("hazelcast.logging.type", "jdk");
    }
    HAZELCAST_LOG.setLevel(Level.SEVERE);
  }

  static Config config(ClusterSettings s) {
    Config c = new Config();
    c.setInstanceName("tessel-" + UUID.randomUUID());
    c.setClusterName(clusterName(s.name(), s.secret()));
    c.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "jdk"));
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    c.setProperty("hazelcast.wait.seconds.before.join", "1");
    c.setProperty("hazelcast.max.wait.seconds.before.join", "2");
    // no split-brain merging: it would restart a coordinator's member mid-run; a worker without
    // a coordinator joins again instead
    c.setProperty("hazelcast.merge.first.run.delay.seconds", "86400");
    c.setProperty("hazelcast.merge.next.run.delay.seconds", "86400");
    c.setProperty("hazelcast.jmx", "false");
    c.setProperty("hazelcast.health.monitoring.level", "OFF");
    c.getJetConfig().setEnabled(false);
    NetworkConfig net = c.getNetworkConfig();
    net.setPort(s.port()).setPortAutoIncrement(true).setPortCount(100);
    String ip = ip(s.bind());
    net.getInterfaces().setEnabled(true).addInterface(ip);
    // the REST API is off by default in Hazelcast 5 (and its config deprecated for removal)
    net.getMemcacheProtocolConfig().setEnabled(false);
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setConnectionTimeoutSeconds(2)
        .setMembers(new ArrayList<>(s.members().isEmpty() ? List.of(ip) : s.members()));
    c.getMemberAttributeConfig().setAttribute(CODE, s.fingerprint());
    c.getMemberAttributeConfig().setAttribute(ROLE, s.role());
    c.getMemberAttributeConfig().setAttribute(THREADS, Integer.toString(s.threads()));
    c.addExecutorConfig(
        new ExecutorConfig(EXECUTOR).setPoolSize(s.threads()).setStatisticsEnabled(false));
    c.addMapConfig(new MapConfig(JOBS).setBackupCount(1));
    for (String cache : List.of(CACHE, LAYERS)) {
      c.addMapConfig(
          new MapConfig(cache)
              .setBackupCount(1)
              .setNearCacheConfig(
                  new NearCacheConfig(cache)
                      .setInMemoryFormat(InMemoryFormat.OBJECT)
                      .setInvalidateOnChange(false)
                      .setCacheLocalEntries(true)));
    }
    return c;
  }

  private static String ip(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown host '" + host + "'");
    }
  }

  /**
   * The name Hazelcast compares on join: the user's name and an HMAC-SHA256 tag of it under the
   * secret (128 bits), so that only members with the secret name the same cluster.
   */
  static String clusterName(String name, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] tag = mac.doFinal(("tessel cluster " + name).getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("tessel.").append(name).append('.');
      for (int i = 0; i < 16; i++) {
        sb.append(String.format("%02x", tag[i]));
      }
      return sb.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** The node of the Hazelcast instance a task runs on. */
  static ClusterNode of(HazelcastInstance hz) {
    ClusterNode n = NODES.get(hz.getName());
    if (n == null) {
      throw new IllegalStateException("not a Tessel cluster member: " + hz.getName());
    }
    return n;
  }

  /** The Hazelcast instance. */
  public HazelcastInstance hazelcast() {
    return hz;
  }

  /** How this node joined. */
  public ClusterSettings settings() {
    return settings;
  }

  /** This member. */
  public Member self() {
    return hz.getCluster().getLocalMember();
  }

  /** The members, this one included, oldest first. */
  public List<Member> members() {
    return new ArrayList<>(hz.getCluster().getMembers());
  }

  /** Whether {@code m} runs this node's code. */
  public boolean sameCode(Member m) {
    return settings.fingerprint().equals(m.getAttribute(CODE));
  }

  /** The cluster-wide cache of results by content key (near-cached on every member). */
  public IMap<String, String> cache() {
    return hz.getMap(CACHE);
  }

  /**
   * The cluster-wide cache of the scheduler's layer options by layer key (near-cached on every
   * member).
   */
  public IMap<String, String> layerCache() {
    return hz.getMap(LAYERS);
  }

  /** Makes {@code job} known to every member, with {@code work} as this member's own. */
  public void publish(JobSpec job, Work work) {
    works.put(job.id(), work);
    hz.<String, JobSpec>getMap(JOBS).set(job.id(), job);
  }

  /** The work of job {@code id}, built from its spec the first time this member runs it. */
  Work work(String id) {
    return works.computeIfAbsent(
        id,
        k -> {
          JobSpec job = hz.<String, JobSpec>getMap(JOBS).get(k);
          if (job == null) {
            throw new IllegalStateException("job " + k + " is not known to the cluster");
          }
          if (factory == null) {
            throw new IllegalStateException("this member cannot build jobs");
          }
          if (works.size() > 8) {
            works.clear(); // an old job's caches: at most a few kept
          }
          return factory.create(job, this);
        });
  }

  /** The control topic: {@code stop} tells workers to leave. */
  public ITopic<String> control() {
    return hz.getTopic(CONTROL);
  }

  /** {@code host:port} of {@code m}. */
  public static String address(Member m) {
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }

  /** {@code sha256:} and the first 12 hex digits of a fingerprint. */
  public static String shortDigest(String fingerprint) {
    return "sha256:" + fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }

  /** Leaves the cluster. */
  @Override
  public void close() {
    NODES.remove(hz.getName());
    hz.shutdown();
  }
}
