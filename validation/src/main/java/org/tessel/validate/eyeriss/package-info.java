/** Eyeriss (JSSC 2017) per-layer latencies and active PEs on AlexNet. */
@NullMarked
package org.tessel.validate.eyeriss;

import org.jspecify.annotations.NullMarked;
