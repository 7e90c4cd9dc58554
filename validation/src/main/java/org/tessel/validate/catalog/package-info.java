/** The list of reference suites, above the packages that hold them. */
package org.tessel.validate.catalog;
