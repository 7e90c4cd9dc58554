/**
 * Search: seeded {@link org.tessel.nas.search.Strategy} implementations (exhaustive, random,
 * regularised evolution, NSGA-II) that propose genomes and learn from their scores, the {@link
 * org.tessel.nas.search.Search} driver that prices each batch in parallel under an evaluation and a
 * time budget (results placed by position, so the outcome does not depend on the thread count), and
 * {@link org.tessel.nas.search.Pareto} ranking under constrained domination.
 */
@NullMarked
package org.tessel.nas.search;

import org.jspecify.annotations.NullMarked;
