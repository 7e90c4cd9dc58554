/** Jazzer fuzz tests of every reader (docs/inputs.md#fuzzing). */
package org.tessel.fuzz;
