package org.tessel.cluster;

import java.io.Serializable;

/**
 * The results of a batch, in unit order, how long the member took to compute them, and how long the
 * batch waited there for a thread.
 */
final class BatchResult implements Serializable {
  private static final long serialVersionUID = 1L;

  final String[] results;
  final long computeNanos;
  final long queuedNanos;

  BatchResult(String[] results, long computeNanos, long queuedNanos) {
    this.results = results;
    this.computeNanos = computeNanos;
    this.queuedNanos = queuedNanos;
  }
}
