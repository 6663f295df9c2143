package org.ketasim.units;

/**
 * Recursive-descent reader for unit text: {@code product := factor (('*'|'/'|'.'|'·') factor)*},
 * {@code factor := atom ('^' integer)?}, {@code atom := symbol | '1' | '(' product ')'}.
 */
final class UnitParser {

    private final String text;
    private int pos;

    UnitParser(String text) {
        this.text = text == null ? "" : text;
    }

    Unit parse() {
        skipSpace();
        if (pos >= text.length()) {
            throw new UnitException("empty unit; expected a unit such as 'mg' or 'L/h'", text, 0);
        }
        Term t = product();
        skipSpace();
        if (pos < text.length()) {
            char c = text.charAt(pos);
            String hint = c == ')' ? "unbalanced parenthesis: ')' has no matching '('"
                    : "unexpected '" + c + "' in unit; expected '*', '/' or the end of the unit";
            throw new UnitException(hint, text, pos);
        }
        return new Unit(text.strip(), t.dimension, t.factor);
    }

    private record Term(Dimension dimension, double factor) {
    }

    private Term product() {
        Term t = factor();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return t;
            }
            char c = text.charAt(pos);
            if (c == '*' || c == '.' || c == '\u00b7') {
                pos++;
                Term f = factor();
                t = new Term(t.dimension.multiply(f.dimension), t.factor * f.factor);
            } else if (c == '/') {
                pos++;
                Term f = factor();
                t = new Term(t.dimension.divide(f.dimension), t.factor / f.factor);
            } else {
                return t;
            }
        }
    }

    private Term factor() {
        skipSpace();
        Term a = atom();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '^') {
            int caret = pos;
            pos++;
            skipSpace();
            int start = pos;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                throw new UnitException("expected an integer exponent after '^' (as in 'h^-1')", text,
                        pos < text.length() ? pos : caret);
            }
            int k;
            try {
                k = Integer.parseInt(text.substring(start, pos).replace("+", ""));
            } catch (NumberFormatException e) {
                throw new UnitException("exponent too large", text, start);
            }
            if (Math.abs(k) > 64) {
                throw new UnitException("exponent too large: " + k, text, start);
            }
            a = new Term(a.dimension.pow(k), Math.pow(a.factor, k));
        }
        return a;
    }

    private Term atom() {
        if (pos >= text.length()) {
            throw new UnitException("expected a unit symbol such as 'mg' at the end of '" + text.strip() + "'",
                    text, Math.max(0, text.length() - 1));
        }
        char c = text.charAt(pos);
        int start = pos;
        if (c == '(') {
            pos++;
            Term t = product();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new UnitException("unbalanced parenthesis: '(' is never closed; expected ')'", text, start);
            }
            pos++;
            return t;
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)))) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!number.equals("1")) {
                throw new UnitException("unexpected number '" + number
                        + "' in unit; only '1' may appear (as in '1/h'), and powers are written with '^'",
                        text, start);
            }
            return new Term(Dimension.DIMENSIONLESS, 1.0);
        }
        if (c == '%') {
            pos++;
            return new Term(Dimension.DIMENSIONLESS, 0.01);
        }
        if (isSymbolChar(c)) {
            while (pos < text.length() && isSymbolChar(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            Unit u = Unit.symbol(name);
            if (u == null) {
                throw new UnitException(unknown(name), text, start);
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                throw new UnitException("unexpected '" + text.charAt(pos) + "' after '" + name
                        + "'; write powers with '^', as in '" + name + "^" + text.charAt(pos) + "'", text, pos);
            }
            return new Term(u.dimension(), u.factor());
        }
        throw new UnitException("unexpected '" + c + "' in unit; expected a unit symbol such as 'mg'", text, start);
    }

    private static String unknown(String name) {
        String hint = "";
        for (String s : Unit.symbols()) {
            if (s.equalsIgnoreCase(name)) {
                hint = "did you mean '" + s + "'? ";
                break;
            }
        }
        return "unknown unit '" + name + "' (" + hint + "known: " + String.join(", ", Unit.symbols()) + ")";
    }

    private static boolean isSymbolChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u00b5' || c == '\u03bc';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
