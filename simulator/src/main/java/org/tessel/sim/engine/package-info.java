/**
 * The discrete-event core. Simulated time is a {@code long} cycle count; pending events are packed
 * {@code long} keys in a fastutil min-heap, ordered by (cycle, phase, slot): events of the same
 * cycle run in phase order and, within a phase, by the slot their payload took. Slots come from a
 * LIFO free list, so that order is a pure function of the run's history (the same run always takes
 * the same order) but not the order of scheduling; handlers never rely on the order of events that
 * share a cycle and a phase. Every method that schedules takes its arguments in one order: cycle or
 * delay, phase, target component, event kind, argument. The loop allocates nothing once its pools
 * have grown.
 */
@NullMarked
package org.tessel.sim.engine;

import org.jspecify.annotations.NullMarked;
