package org.ketasim.lang.parse;

/**
 * A lexical token of a model source.
 *
 * @param type   the kind of token
 * @param text   the characters as written (the content, without quotes, for a string)
 * @param number the value of a number token, else NaN
 * @param line   1-based line
 * @param column 1-based column
 * @param start  offset of the first character in the source
 * @param end    offset after the last character in the source
 */
public record Token(Type type, String text, double number, int line, int column, int start, int end) {

    /** Token kinds. {@code OTHER} is any single character that only unit text may contain (µ, '.', ...). */
    public enum Type {
        IDENT, NUMBER, STRING, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, LBRACKET, RBRACKET, EQUALS,
        COLON, COMMA, PERCENT, OTHER, NEWLINE, EOF
    }

    /** @return true when this token has one of the given types */
    public boolean is(Type... types) {
        for (Type t : types) {
            if (type == t) {
                return true;
            }
        }
        return false;
    }

    /** @return true for an identifier with exactly this text */
    public boolean isWord(String word) {
        return type == Type.IDENT && text.equals(word);
    }

    /** @return the position of the token */
    public Pos pos() {
        return new Pos(line, column);
    }

    /** @return a description for error messages: {@code 'x'}, {@code the end of the row}, ... */
    public String describe() {
        switch (type) {
            case NEWLINE:
                return "the end of the row";
            case EOF:
                return "the end of the file";
            case STRING:
                return "the string \"" + text + "\"";
            default:
                return "'" + text + "'";
        }
    }
}
