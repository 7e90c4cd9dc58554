/** Small helpers every layer may use: argument checks for record constructors and exact integer arithmetic. */
package org.tessel.sim.util;
