/**
 * Search spaces: a {@link org.tessel.nas.space.SearchSpace} turns a {@link
 * org.tessel.nas.space.Genome} (one choice per gene) into a network DAG, and names it with an arch
 * string (and, where the space defines one, an index) that published tables join on. Built in: the
 * NAS-Bench-201 cell space ({@link org.tessel.nas.space.Nb201Space}), a mobile inverted-bottleneck
 * space ({@link org.tessel.nas.space.MobileSpace}); users define their own in a YAML file ({@link
 * org.tessel.nas.space.FileSpace}).
 */
@NullMarked
package org.tessel.nas.space;

import org.jspecify.annotations.NullMarked;
