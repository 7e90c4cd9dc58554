/**
 * Validation suites: Tessel against external references, one {@link org.tessel.validate.CaseResult}
 * per compared quantity, gathered in a {@link org.tessel.validate.ValidationReport} that renders as
 * a text table, Markdown or HTML. The suites themselves live in sub-packages, one per reference;
 * {@link org.tessel.validate.Validation} lists them for {@code tessel validate}.
 */
@NullMarked
package org.tessel.validate;

import org.jspecify.annotations.NullMarked;
