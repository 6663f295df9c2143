package org.ketasim.lang.parse;

import java.util.ArrayList;
import java.util.List;
import org.ketasim.lang.ModelException;
import org.ketasim.lang.parse.Token.Type;

/**
 * Splits a model source into tokens. Rows end with a {@link Type#NEWLINE} token, except that a row continues
 * on the next line when its line ends inside parentheses or after a binary operator ({@code + - * / ^}) or a
 * comma; a line that starts with {@code [} always begins a new row (a block header), so that an unclosed
 * parenthesis is reported where it is rather than blocks later. Blank and comment-only lines produce no
 * tokens.
 */
public final class Lexer {

    private final SourceText src;
    private final String s;
    private final List<Token> tokens = new ArrayList<>();
    private int i;
    private int line = 1;
    private int lineStart;
    private int depth;
    private boolean rowHasTokens;

    private Lexer(SourceText src) {
        this.src = src;
        this.s = src.text();
    }

    /**
     * @return the tokens of the source, ending with {@link Type#EOF}
     * @throws ModelException for an unterminated string or an out-of-range number
     */
    public static List<Token> tokenize(SourceText src) throws ModelException {
        return new Lexer(src).run();
    }

    private List<Token> run() throws ModelException {
        int n = s.length();
        if (n > 0 && s.charAt(0) == '\uFEFF') {
            i = 1;
            lineStart = 1;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                endOfLine(i);
                i++;
                line++;
                lineStart = i;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                string();
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                number();
            } else if (isNameStart(c)) {
                int start = i;
                while (i < n && isNamePart(s.charAt(i))) {
                    i++;
                }
                add(Type.IDENT, s.substring(start, i), Double.NaN, start);
            } else {
                Type t = single(c);
                int start = i;
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (t == Type.LPAREN) {
                    depth++;
                } else if (t == Type.RPAREN && depth > 0) {
                    depth--;
                }
                add(t, s.substring(start, i), Double.NaN, start);
            }
        }
        endOfLine(n);
        if (rowHasTokens) {
            // the file ended inside a continued row: the parser reports what is missing
            Token last = tokens.get(tokens.size() - 1);
            tokens.add(new Token(Type.EOF, "", Double.NaN, last.line(), last.column() + last.end() - last.start(),
                    n, n));
        } else {
            tokens.add(new Token(Type.EOF, "", Double.NaN, line, i - lineStart + 1, n, n));
        }
        return tokens;
    }

    private static Type single(char c) {
        switch (c) {
            case '+': return Type.PLUS;
            case '-': return Type.MINUS;
            case '*': return Type.STAR;
            case '/': return Type.SLASH;
            case '^': return Type.CARET;
            case '(': return Type.LPAREN;
            case ')': return Type.RPAREN;
            case '[': return Type.LBRACKET;
            case ']': return Type.RBRACKET;
            case '=': return Type.EQUALS;
            case ':': return Type.COLON;
            case ',': return Type.COMMA;
            case '%': return Type.PERCENT;
            default: return Type.OTHER;
        }
    }

    private void endOfLine(int at) {
        if (!rowHasTokens) {
            return;
        }
        Token last = tokens.get(tokens.size() - 1);
        boolean continues = depth > 0
                || last.is(Type.PLUS, Type.MINUS, Type.STAR, Type.SLASH, Type.CARET, Type.COMMA);
        if (continues && nextContentLineStartsWithBracket(at)) {
            continues = false;
        }
        if (!continues) {
            depth = 0;
            int col = last.column() + (last.end() - last.start());
            tokens.add(new Token(Type.NEWLINE, "", Double.NaN, last.line(), col, at, at));
            rowHasTokens = false;
        }
    }

    private boolean nextContentLineStartsWithBracket(int at) {
        int j = at + 1;
        int n = s.length();
        while (j < n) {
            char c = s.charAt(j);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                j++;
            } else if (c == '#') {
                while (j < n && s.charAt(j) != '\n') {
                    j++;
                }
            } else {
                return c == '[';
            }
        }
        return false;
    }

    private void string() throws ModelException {
        int start = i;
        int n = s.length();
        int j = i + 1;
        while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') {
            j++;
        }
        if (j >= n || s.charAt(j) != '"') {
            throw src.error(new Pos(line, start - lineStart + 1),
                    "unterminated string; expected a closing '\"' on the same line (strings cannot span lines)");
        }
        String content = s.substring(start + 1, j);
        i = j + 1;
        // the token's end offset covers the quotes
        tokens.add(new Token(Type.STRING, content, Double.NaN, line, start - lineStart + 1, start, i));
        rowHasTokens = true;
    }

    private void number() throws ModelException {
        int start = i;
        int n = s.length();
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                i = j;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        String text = s.substring(start, i);
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw src.error(new Pos(line, start - lineStart + 1), "number " + text + " is out of range");
        }
        add(Type.NUMBER, text, v, start);
    }

    private void add(Type type, String text, double number, int start) {
        tokens.add(new Token(type, text, number, line, start - lineStart + 1, start, start + text.length()));
        rowHasTokens = true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
