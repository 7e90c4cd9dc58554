/**
 * Hardware-aware neural architecture search on top of the layer-adaptive scheduler: search spaces
 * turn genomes into networks ({@link org.tessel.nas.space}), the scheduler prices them ({@link
 * org.tessel.nas.eval}, memoised by content in memory and on disk), objectives and an accuracy
 * table score them ({@link org.tessel.nas.objective}), seeded strategies choose what to evaluate
 * and rank the results ({@link org.tessel.nas.search}), and reports write them out ({@link
 * org.tessel.nas.report}). The module stays thin: it generates candidates, asks for their cost, and
 * ranks.
 */
@NullMarked
package org.tessel.nas;

import org.jspecify.annotations.NullMarked;
