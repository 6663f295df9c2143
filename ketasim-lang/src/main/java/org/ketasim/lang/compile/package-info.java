/**
 * Executing a checked model. The {@link org.ketasim.lang.compile.JavaGenerator} writes one Java class per model
 * (array slots with constant indices, intermediates as local variables, small integer powers as products, no
 * allocation) and the {@link org.ketasim.lang.compile.ModelCompiler} compiles it with Janino. The
 * {@link org.ketasim.lang.compile.Interpreter} evaluates the same trees directly and performs exactly the same
 * floating-point operations, so tests can compare the two bit for bit. Constant sub-expressions are folded
 * beforehand ({@link org.ketasim.lang.compile.ConstantFolder}).
 *
 * <p>{@link org.ketasim.lang.compile.Functions} holds the helpers that generated code calls; it is public only
 * because generated classes live in their own class loader. Internal to {@code ketasim-lang}; use
 * {@link org.ketasim.lang.Model}.
 */
package org.ketasim.lang.compile;
