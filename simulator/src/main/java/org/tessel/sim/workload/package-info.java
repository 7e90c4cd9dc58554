/**
 * Workloads: {@link org.tessel.sim.workload.Layer} shapes, the {@link
 * org.tessel.sim.workload.Network} DAG that connects them, and {@link
 * org.tessel.sim.workload.GemmShape}, the operand-matrix view every systolic dataflow maps.
 */
package org.tessel.sim.workload;
