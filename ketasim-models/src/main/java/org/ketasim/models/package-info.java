/**
 * The model library: {@code models/*.ksm} at the repository root, packaged as resources.
 *
 * <p>{@link org.ketasim.models.ModelLibrary#ketamine()} returns the checked ketamine model; compile it
 * with {@code model.compile()} and run it with the engine's {@code Simulator}. The tests of this module
 * hold every bundled model to its published targets ({@code shared/reference/}).
 */
package org.ketasim.models;
