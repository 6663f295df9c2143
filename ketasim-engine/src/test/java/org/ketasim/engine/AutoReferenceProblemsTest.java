package org.ketasim.engine;

import org.ketasim.engine.solve.SolverMethod;

class AutoReferenceProblemsTest extends AbstractReferenceProblemsTest {

    AutoReferenceProblemsTest() {
        super(SolverMethod.AUTO, 1e-8);
    }
}
