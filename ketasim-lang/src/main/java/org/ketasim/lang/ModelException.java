package org.ketasim.lang;

/**
 * A model file that cannot be read, parsed or checked.
 *
 * <p>{@link #getMessage()} is one line in the form {@code file:line:column: what is wrong; what was expected},
 * for example {@code ketamine.ksm:42:17: dimension mismatch in '+': left is mg/L (M L^-3), right is umol/L
 * (N L^-3)}. Lines and columns are 1-based; the column is that of the offending token (or, for something
 * missing, where it was expected). When the problem is not tied to a position (the file cannot be read),
 * line and column are 0 and the message is {@code file: what is wrong}.
 */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String detail;

    /**
     * @param sourceName name of the model source, usually its file name
     * @param line       1-based line, or 0 when not tied to a position
     * @param column     1-based column, or 0
     * @param detail     what is wrong and what was expected, one line
     */
    public ModelException(String sourceName, int line, int column, String detail) {
        this(sourceName, line, column, detail, null);
    }

    /**
     * @param cause the underlying problem (for example an I/O error), or null
     */
    public ModelException(String sourceName, int line, int column, String detail, Throwable cause) {
        super(format(sourceName, line, column, detail), cause);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    private static String format(String sourceName, int line, int column, String detail) {
        String oneLine = detail.replace('\r', ' ').replace('\n', ' ');
        return line > 0 ? sourceName + ":" + line + ":" + column + ": " + oneLine : sourceName + ": " + oneLine;
    }

    /** @return the name of the model source (file name as given) */
    public String sourceName() {
        return sourceName;
    }

    /** @return 1-based line, or 0 */
    public int line() {
        return line;
    }

    /** @return 1-based column, or 0 */
    public int column() {
        return column;
    }

    /** @return the message without the {@code file:line:column:} prefix */
    public String detail() {
        return detail;
    }
}
