package org.ketasim.engine;

import org.ketasim.engine.solve.SolverMethod;

class Ros34pw2ReferenceProblemsTest extends AbstractReferenceProblemsTest {

    Ros34pw2ReferenceProblemsTest() {
        super(SolverMethod.ROS34PW2, 1e-8);
    }
}
