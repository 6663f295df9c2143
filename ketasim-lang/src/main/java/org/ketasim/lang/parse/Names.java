package org.ketasim.lang.parse;

import java.util.Collection;
import java.util.Locale;

/** Closest-name suggestions ("did you mean") by optimal-string-alignment edit distance. */
public final class Names {

    private Names() {
    }

    /**
     * The candidate closest to {@code name}: a case-insensitive match first, else the smallest edit distance
     * (insertions, deletions, substitutions, adjacent transpositions) up to {@code max(1, length / 3)}.
     *
     * @return the closest candidate, or null when none is close enough
     */
    public static String closest(String name, Collection<String> candidates) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, name.length() / 3);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.equals(name)) {
                continue;
            }
            int d = c.toLowerCase(Locale.ROOT).equals(lower) ? 0 : distance(name, c);
            if (d < bestDistance && d <= limit && d < Math.max(name.length(), c.length())) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** @return the optimal-string-alignment distance between a and b */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
