/**
 * Readers for user input: SCALE-Sim {@code .cfg} files and topology CSVs, Tessel's YAML hardware
 * and network files, and the built-in hardware presets. Every reader reports a mistake as a
 * {@link org.tessel.sim.config.ConfigException} naming the file, line and field.
 */
package org.tessel.sim.config;
