/** Test fixtures shared by the modules' tests (published in the simulator's test-jar). */
package org.tessel.sim.testing;
