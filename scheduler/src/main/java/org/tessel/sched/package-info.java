/**
 * Layer-adaptive scheduling: for each layer, the dataflow and tiling that minimise the objective
 * under the buffer limits ({@link org.tessel.sched.LayerScheduler}); over the network, the sequence
 * that minimises the total including reconfiguration ({@link org.tessel.sched.NetworkScheduler});
 * schedules as files ({@link org.tessel.sched.ScheduleFile}). Every cost comes from the simulator,
 * memoised by content ({@link org.tessel.sched.EvaluationCache}).
 */
@NullMarked
package org.tessel.sched;

import org.jspecify.annotations.NullMarked;
