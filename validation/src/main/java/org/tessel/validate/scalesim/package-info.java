/** SCALE-Sim v2 reference reports, compared line by line with Tessel's. */
@NullMarked
package org.tessel.validate.scalesim;

import org.jspecify.annotations.NullMarked;
