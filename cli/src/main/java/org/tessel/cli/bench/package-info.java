/**
 * {@code tessel bench}'s machinery: find the JMH benchmarks jar, list and select its benchmarks,
 * run it in a child JVM with the chosen settings, read JMH's JSON result file and print it as a
 * table. The CLI does not depend on JMH; only the benchmarks module does.
 */
@NullMarked
package org.tessel.cli.bench;

import org.jspecify.annotations.NullMarked;
