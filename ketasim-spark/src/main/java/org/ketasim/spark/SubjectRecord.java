package org.ketasim.spark;

import java.io.Serializable;

import org.ketasim.trial.TrialRunner.SubjectRatings;

/**
 * One simulated subject, as executors send it to the driver: its arm (index in the specification), its index in
 * the arm, and its scores on the trial's time grid.
 *
 * @param arm     arm index
 * @param subject subject index within the arm
 * @param ratings true MADRS and rated scores
 */
public record SubjectRecord(int arm, int subject, SubjectRatings ratings) implements Serializable {
    private static final long serialVersionUID = 1L;
}
