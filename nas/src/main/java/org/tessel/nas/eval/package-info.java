/**
 * Pricing networks: {@link org.tessel.nas.eval.ScheduleEvaluator} schedules a network with the
 * layer-adaptive scheduler and condenses the schedule into {@link org.tessel.nas.eval.Metrics};
 * {@link org.tessel.nas.eval.CachedEvaluator} memoises them by content ({@link
 * org.tessel.nas.eval.ContentKey}: layer shapes and connections, hardware, scheduler settings), in
 * memory and in a crash-safe log on disk ({@link org.tessel.nas.eval.EvaluationLog}), so that equal
 * networks are priced once and a killed search replays its evaluations.
 */
@NullMarked
package org.tessel.nas.eval;

import org.jspecify.annotations.NullMarked;
