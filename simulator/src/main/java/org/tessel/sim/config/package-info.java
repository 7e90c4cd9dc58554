/**
 * What every reader of user input shares: {@link org.tessel.sim.config.ConfigException}, the one
 * user-error type (file, line, field, what was expected), {@link org.tessel.sim.config.TextFiles}
 * and {@link org.tessel.sim.config.Yaml} (the one YAML wrapper) for reading, {@link
 * org.tessel.sim.config.Csv} (the one CSV field codec of Tessel's own files) and {@link
 * org.tessel.sim.config.Suggest} for "did you mean". The readers themselves are in {@code
 * org.tessel.sim.io}.
 */
@NullMarked
package org.tessel.sim.config;

import org.jspecify.annotations.NullMarked;
