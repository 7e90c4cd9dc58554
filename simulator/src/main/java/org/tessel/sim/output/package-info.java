/**
 * Writing results without losing a user's file: {@link org.tessel.sim.output.OutputFile} (one file,
 * through a temporary file ({@code TempPaths}) and an atomic move in its directory), {@link
 * org.tessel.sim.output.RunFolder} (a run's folder: only the files the run owns are replaced,
 * everything else in it is kept) and {@link org.tessel.sim.output.OutputPolicy} (never replace an
 * input, a link, a pipe or a device; files Tessel did not write only with {@code --force}). The
 * rules are in docs/inputs.md.
 */
package org.tessel.sim.output;
