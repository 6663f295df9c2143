package org.ketasim.lang.parse;

import java.util.ArrayList;
import java.util.List;
import org.ketasim.lang.ModelException;

/**
 * A model source with its name: maps offsets to lines and columns, extracts text as written and makes
 * positioned {@link ModelException}s.
 */
public final class SourceText {

    private final String text;
    private final String name;
    private final int[] lineStarts;

    /**
     * @param text the source (a leading byte-order mark is ignored by the lexer)
     * @param name the name used in messages, usually the file name
     */
    public SourceText(String text, String name) {
        this.text = text;
        this.name = name;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the whole source */
    public String text() {
        return text;
    }

    /** @return the name used in messages */
    public String name() {
        return name;
    }

    /** @return the position of a character offset */
    public Pos pos(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Pos(lo + 1, offset - lineStarts[lo] + 1);
    }

    /**
     * The source between two offsets as a reader would quote it: comments removed, runs of whitespace
     * (line breaks of continued rows included) collapsed to one space, trimmed.
     */
    public String slice(int start, int end) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = start; i < end && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i + 1 < end && text.charAt(i + 1) != '\n') {
                    i++;
                }
                space = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && sb.length() > 0) {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        return sb.toString();
    }

    /** @return an exception positioned at {@code pos} */
    public ModelException error(Pos pos, String detail) {
        return new ModelException(name, pos.line(), pos.column(), detail);
    }

    /** @return an exception positioned at a token */
    public ModelException error(Token token, String detail) {
        return new ModelException(name, token.line(), token.column(), detail);
    }
}
