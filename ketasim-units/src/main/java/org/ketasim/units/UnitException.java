package org.ketasim.units;

/**
 * A unit that cannot be read or a conversion between incompatible units.
 *
 * <p>{@link #getMessage()} is the bare description (for example
 * {@code unknown unit 'furlongs' (known: kg, g, mg, ...)}); {@link #offset()} is the 0-based position
 * in the parsed text where the problem starts, so that a caller that knows where the unit text sits in
 * a larger file can report a precise column.
 */
public class UnitException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int offset;

    /**
     * @param detail what is wrong (and, where useful, what was expected)
     * @param input  the text being parsed, or null when the error is not about parsing
     * @param offset 0-based offset of the problem in {@code input}, or -1
     */
    public UnitException(String detail, String input, int offset) {
        super(detail);
        this.input = input;
        this.offset = offset;
    }

    /** @return the text being parsed, or null when the error came from a conversion */
    public String input() {
        return input;
    }

    /** @return 0-based offset of the offending character in {@link #input()}, or -1 */
    public int offset() {
        return offset;
    }
}
