/** HW-NAS-Bench: Kendall tau of Tessel's latency ranking of the NAS-Bench-201 cells. */
@NullMarked
package org.tessel.validate.nas;

import org.jspecify.annotations.NullMarked;
