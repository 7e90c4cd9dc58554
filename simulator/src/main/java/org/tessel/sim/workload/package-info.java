/**
 * Workloads: {@link org.tessel.sim.workload.Layer} shapes, the {@link
 * org.tessel.sim.workload.Network} DAG that connects them, {@link
 * org.tessel.sim.workload.GemmShape}, the operand-matrix view every systolic dataflow maps, and the
 * operands themselves ({@link org.tessel.sim.workload.Operand}, {@link
 * org.tessel.sim.workload.OperandWords}) in the one order used everywhere.
 */
@NullMarked
package org.tessel.sim.workload;

import org.jspecify.annotations.NullMarked;
