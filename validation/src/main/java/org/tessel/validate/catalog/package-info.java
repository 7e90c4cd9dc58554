/** The list of reference suites, above the packages that hold them. */
@NullMarked
package org.tessel.validate.catalog;

import org.jspecify.annotations.NullMarked;
