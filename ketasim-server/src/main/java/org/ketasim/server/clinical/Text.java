package org.ketasim.server.clinical;

/** Small helpers for text that came from a user. */
public final class Text {

    private Text() {
    }

    /** At most 40 characters of {@code s}, for quoting user input back in an error message. */
    public static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
