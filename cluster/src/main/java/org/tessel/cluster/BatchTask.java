package org.tessel.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * A batch of one job's units, run on the member Hazelcast delivers it to: refused when that
 * member's code differs from the coordinator's, otherwise the units run by the job's {@link Work}
 * (built once per job and member) as one batch.
 */
final class BatchTask implements Callable<BatchResult>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final String fingerprint;
  private final String[] units;

  /** The member's instance, which Hazelcast sets on arrival. */
  private transient @Nullable HazelcastInstance hz;

  /** When this member received the task (read on arrival, before it waits for a thread). */
  private transient long arrivedNanos;

  BatchTask(String jobId, String fingerprint, String[] units) {
    this.jobId = jobId;
    this.fingerprint = fingerprint;
    this.units = units;
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    arrivedNanos = System.nanoTime();
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance instance) {
    this.hz = instance;
  }

  @Override
  public BatchResult call() {
    if (hz == null) {
      throw new IllegalStateException("a batch run outside a Hazelcast member");
    }
    ClusterNode node = ClusterNode.of(hz);
    if (!node.settings().fingerprint().equals(fingerprint)) {
      throw new CodeMismatchException(
          "this member's code ("
              + ClusterNode.shortDigest(node.settings().fingerprint())
              + ") differs from the coordinator's ("
              + ClusterNode.shortDigest(fingerprint)
              + ")");
    }
    long t0 = System.nanoTime();
    long queued = arrivedNanos == 0 ? 0 : t0 - arrivedNanos;
    Work work = node.work(jobId);
    String[] out = work.runAll(units);
    return new BatchResult(out, System.nanoTime() - t0, queued);
  }
}
