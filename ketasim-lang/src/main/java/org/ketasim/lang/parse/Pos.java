package org.ketasim.lang.parse;

/**
 * A position in a model source.
 *
 * @param line   1-based line
 * @param column 1-based column (in UTF-16 characters; a tab counts as one)
 */
public record Pos(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
