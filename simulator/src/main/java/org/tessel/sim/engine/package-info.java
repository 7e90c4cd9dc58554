/**
 * The discrete-event core. Simulated time is a {@code long} cycle count; pending events are packed
 * {@code long} keys in a fastutil min-heap, ordered by (cycle, phase, sequence number), so events
 * of the same cycle run in phase order and, within a phase, in the order they were scheduled. The
 * loop allocates nothing once its pools have grown.
 */
package org.tessel.sim.engine;
