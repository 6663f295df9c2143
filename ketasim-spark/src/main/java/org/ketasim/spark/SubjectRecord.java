package org.ketasim.spark;

import java.io.Serializable;

import org.ketasim.trial.TrialRunner.SubjectRatings;

/**
 * One simulated subject, as executors hand it to the aggregation (folded into a partition's accumulator) and to the
 * optional Parquet table: its arm (index in the specification), its index in the arm, and its scores on the trial's
 * time grid. Subjects stay on the executors.
 *
 * @param arm     arm index
 * @param subject subject index within the arm
 * @param ratings true MADRS and rated scores
 */
public record SubjectRecord(int arm, int subject, SubjectRatings ratings) implements Serializable {
    private static final long serialVersionUID = 1L;
}
