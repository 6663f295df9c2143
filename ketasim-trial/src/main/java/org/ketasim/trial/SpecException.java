package org.ketasim.trial;

/**
 * A trial specification that cannot be run, with the field at fault and what was expected, e.g.
 * {@code murrough.yaml: arms[1].doses[0].amount: expected a dose such as '0.5 mg/kg' or '35 mg', got 'lots'}.
 */
public final class SpecException extends Exception {

    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }
}
