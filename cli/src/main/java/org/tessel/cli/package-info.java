/**
 * The {@code tessel} command line (picocli). Subcommands parse their options, call the library
 * modules and write files; they hold no simulation logic.
 */
@NullMarked
package org.tessel.cli;

import org.jspecify.annotations.NullMarked;
