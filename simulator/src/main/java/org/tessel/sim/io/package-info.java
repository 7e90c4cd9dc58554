/**
 * Readers of user files: SCALE-Sim {@code .cfg} and topology CSVs, Tessel hardware and network
 * YAML, and {@link org.tessel.sim.io.Inputs}, which picks the reader by file. Every mistake is a
 * {@link org.tessel.sim.config.ConfigException} naming file, line and field.
 */
@NullMarked
package org.tessel.sim.io;

import org.jspecify.annotations.NullMarked;
