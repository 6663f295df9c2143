package org.ketasim.api;

import java.util.Collection;

import org.ketasim.lang.parse.Names;

/** "Did you mean" hints for the API's one-line messages. */
final class Names2 {

    private Names2() {
    }

    /** {@code " (did you mean 'x'?)"} for the candidate closest to {@code name}, or an empty string. */
    static String didYouMean(final String name, final Collection<String> candidates) {
        final String near = Names.closest(name, candidates);
        return near == null ? "" : " (did you mean '" + near + "'?)";
    }
}
