/**
 * Reading {@code .ksm} text: the {@link org.ketasim.lang.parse.Lexer} splits it into tokens and rows (a row
 * continues on the next line when a line ends inside parentheses or after an operator), the
 * {@link org.ketasim.lang.parse.Parser} checks the shape of each row and builds a
 * {@link org.ketasim.lang.parse.SourceModel} with expression trees ({@link org.ketasim.lang.parse.Ast}) and
 * units. Names and dimensions are not checked here but in {@code org.ketasim.lang.check}.
 *
 * <p>Internal to {@code ketasim-lang}; use {@link org.ketasim.lang.Model}.
 */
package org.ketasim.lang.parse;
