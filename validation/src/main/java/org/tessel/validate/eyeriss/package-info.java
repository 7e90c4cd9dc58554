/** Eyeriss (JSSC 2017) per-layer latencies and active PEs on AlexNet. */
package org.tessel.validate.eyeriss;
