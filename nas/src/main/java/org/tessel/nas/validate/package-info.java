/**
 * Checking Tessel's costs against published ones: {@link org.tessel.nas.validate.KendallTau}
 * rank correlation, and {@link org.tessel.nas.validate.RankAgreement} of a search's latencies
 * with a column of a reference table (HW-NAS-Bench's modelled Eyeriss latency for
 * NAS-Bench-201), and {@link org.tessel.nas.validate.HwNasBenchSuite}, that ranking as a suite
 * of {@code tessel validate}.
 */
package org.tessel.nas.validate;
