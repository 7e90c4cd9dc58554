package org.tessel.cluster;

/** Builds the {@link Work} of a job on a member that did not start it. */
public interface WorkFactory {
  /** The work of {@code job}; the member's cluster {@code node} is there for shared caches. */
  Work create(JobSpec job, ClusterNode node);
}
