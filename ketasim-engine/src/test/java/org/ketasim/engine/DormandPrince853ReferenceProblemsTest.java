package org.ketasim.engine;

import org.ketasim.engine.solve.SolverMethod;

/**
 * Hipparchus' 8(5,3) pair: its step-end values are as accurate as the others', but between the long
 * steps it takes in the slow tail its 7th-order continuous extension is about 40 times less accurate
 * than the step ends (measured on the two-compartment tail), hence the looser bound.
 */
class DormandPrince853ReferenceProblemsTest extends AbstractReferenceProblemsTest {

    DormandPrince853ReferenceProblemsTest() {
        super(SolverMethod.DORMAND_PRINCE_853, 3e-6);
    }
}
