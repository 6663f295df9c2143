package org.ketasim.engine;

import org.ketasim.engine.solve.SolverMethod;

class Rodas4ReferenceProblemsTest extends AbstractReferenceProblemsTest {

    Rodas4ReferenceProblemsTest() {
        super(SolverMethod.RODAS4, 1e-8);
    }
}
