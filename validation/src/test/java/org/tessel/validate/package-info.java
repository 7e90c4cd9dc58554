/**
 * Tests of the validation suites; those over {@code ../shared/validation} skip when it is absent.
 */
package org.tessel.validate;
