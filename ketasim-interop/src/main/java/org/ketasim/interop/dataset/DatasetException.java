package org.ketasim.interop.dataset;

/**
 * A dataset that cannot be read, reported as one line {@code file:line:column: message} (line and column
 * 1-based; the column is the field's position in the row).
 */
public final class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetException(String sourceName, int line, int column, String message) {
        super(sourceName + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
    }

    public DatasetException(String message) {
        super(message);
    }
}
