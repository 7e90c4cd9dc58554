/**
 * The network on chip: a jgrapht graph of buffer ports, buses and PE-to-PE links built once per
 * configuration ({@link org.tessel.sim.noc.NocGraphs}), compiled into primitive link arrays, int
 * adjacency and routes found on demand ({@link org.tessel.sim.noc.CompiledNoc}), and the words each
 * link carries in a phase ({@link org.tessel.sim.noc.LinkLoad}); nothing graph-shaped is touched
 * while a layer runs, and no cost grows with the square of the PE count.
 */
@NullMarked
package org.tessel.sim.noc;

import org.jspecify.annotations.NullMarked;
