/**
 * Rank agreement between Tessel's costs and a reference column: {@link
 * org.tessel.nas.rank.KendallTau} (tau-b) and {@link org.tessel.nas.rank.RankAgreement}, the line a
 * search prints for {@code --compare}.
 */
@NullMarked
package org.tessel.nas.rank;

import org.jspecify.annotations.NullMarked;
