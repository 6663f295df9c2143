package org.ketasim.engine;

import org.ketasim.engine.solve.SolverMethod;

class DormandPrince54ReferenceProblemsTest extends AbstractReferenceProblemsTest {

    DormandPrince54ReferenceProblemsTest() {
        super(SolverMethod.DORMAND_PRINCE_54, 5e-9);
    }
}
