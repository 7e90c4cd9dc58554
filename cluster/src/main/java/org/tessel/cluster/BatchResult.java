package org.tessel.cluster;

import java.io.Serializable;

/** The results of a batch, in unit order, and how long the member took to compute them. */
final class BatchResult implements Serializable {
  private static final long serialVersionUID = 1L;

  final String[] results;
  final long computeNanos;

  BatchResult(String[] results, long computeNanos) {
    this.results = results;
    this.computeNanos = computeNanos;
  }
}
