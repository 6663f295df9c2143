/**
 * Checking a parsed model: the {@link org.ketasim.lang.check.Checker} resolves every name, infers the
 * {@link org.ketasim.units.Dimension} of every expression and enforces the rules of the model language,
 * producing a {@link org.ketasim.lang.check.CheckedModel} whose expressions ({@link org.ketasim.lang.check.Expr})
 * read array slots and compute in canonical units.
 *
 * <p>A dimension error involving a covariate or parameter written without a unit is reported at that
 * parameter's row, with the unit it needs, when giving it that unit would fix the error.
 *
 * <p>Internal to {@code ketasim-lang}; use {@link org.ketasim.lang.Model}.
 */
package org.ketasim.lang.check;
