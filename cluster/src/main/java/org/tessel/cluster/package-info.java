/**
 * Scale-out on embedded Hazelcast: a {@link org.tessel.cluster.ClusterNode} joins the members named
 * on the command line over TCP/IP (no multicast, no auto-detection, no phone-home), bound to one
 * interface, in a cluster whose name is derived from the user's name and shared secret (a member
 * with another secret is never let in) and whose members must run the same code (a different code
 * fingerprint is refused). A {@link org.tessel.cluster.Dispatcher} sends a job's units of work out
 * in batches sized to tens of milliseconds or more and runs a batch again on another member when
 * its member dies; {@link org.tessel.cluster.ClusterPointRunner} (sweeps) and {@link
 * org.tessel.cluster.ClusterPricer} (searches) compute the same units as the single-process paths,
 * so every output is byte-identical to theirs.
 */
@NullMarked
package org.tessel.cluster;

import org.jspecify.annotations.NullMarked;
