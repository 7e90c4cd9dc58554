/** The HW-NAS-Bench suite over all NAS-Bench-201 cells (slow). */
package org.tessel.validate.nas;
