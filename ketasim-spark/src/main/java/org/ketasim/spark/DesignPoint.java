package org.ketasim.spark;

import java.io.Serializable;

/**
 * One point of a Morris design, as shipped to an executor: its number in the design and the factors' values there
 * ({@code Morris.Design.values(index)}, computed on the driver).
 *
 * @param index  the point's number, 0 .. r(k + 1) − 1
 * @param values the factors' values, in the factors' order (not copied: never modified)
 */
public record DesignPoint(int index, double[] values) implements Serializable {
    private static final long serialVersionUID = 1L;
}
