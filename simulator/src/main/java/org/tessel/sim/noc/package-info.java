/**
 * The network on chip: a jgrapht graph of buffer ports, buses and PE-to-PE links built once per
 * configuration ({@link org.tessel.sim.noc.NocGraphs}), compiled into primitive route and link
 * arrays ({@link org.tessel.sim.noc.CompiledNoc}) that the engine reads; nothing graph-shaped is
 * touched while a layer runs.
 */
package org.tessel.sim.noc;
