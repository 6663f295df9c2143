package org.ketasim.engine.solve;

/**
 * Solves {@code (d·I − J) x = b} by exploiting that pharmacometric models are mostly feed-forward.
 *
 * <p>The dependency graph of J (state i depends on state j when {@code J[i][j] ≠ 0}) is split into its
 * strongly connected components (Tarjan), which come out in dependency order: PK before metabolites,
 * effect sites, receptor and circuit states, plasticity, symptoms. The matrix is then block lower
 * triangular in that order; only the diagonal blocks (usually one to three states: a central/peripheral
 * pair, a surge and its adaptation) are factored densely, and a solve is a block forward substitution
 * costing about the number of non-zeros instead of n². For a model with one big cycle this degrades
 * gracefully to a dense LU of that block.
 *
 * <p>Each diagonal block is inverted when it is factored (a single state: its reciprocal; a larger block: the
 * inverse from its pivoted LU), because a Rosenbrock step solves four to six times with every factorization:
 * a solve is then only multiplications, without divisions, pivoting or calls.
 *
 * <p>The blocks are found on the union of the sparsity patterns of all Jacobians seen so far, and found again
 * only when a Jacobian has a non-zero outside it (a {@code pos()} or {@code max()} switching on): a matrix
 * whose non-zeros are a subset of the pattern is block triangular in the same order, so the solve stays exact
 * for the given J; an entry that is zero this time is a zero coupling. Allocation-free after construction.
 */
final class BlockTriangularLu {

    private final int n;
    /** States in solve order; component k occupies positions blockStart[k] .. blockStart[k+1]. */
    private final int[] order;
    private final int[] blockStart;
    private int blocks;
    /** For the row at each position: couplings J[i][j] to states j of earlier components (CSR). */
    private final int[] rowStart;
    private final int[] couplingState;
    private final double[] coupling;
    /** Dense diagonal blocks, packed; block k starts at blockOffset[k]. */
    private final double[] blockLu;
    /** Their inverses, packed the same way (row-major). */
    private final double[] blockInverse;
    /** For a position holding a single-state block: its inverse, the same as in blockInverse. */
    private final double[] positionInverse;
    /** The blocks of more than one state, in solve order. */
    private final int[] multiBlock;
    private int multiBlocks;
    private final int[] blockOffset;
    private final int[] pivot;
    private final double[] work;
    private final double[] jacobian;
    /** Union of the non-zero patterns seen so far (the block structure is that of this pattern). */
    private final boolean[] pattern;
    private boolean analyzed;
    /** For each coupling, its position in the row-major Jacobian. */
    private final int[] couplingEntry;
    // Tarjan's working arrays
    private final int[] index;
    private final int[] lowLink;
    private final boolean[] onStack;
    private final int[] stack;
    private final int[] component;
    private final int[] callStack;
    private final int[] callNext;

    BlockTriangularLu(final int n) {
        this.n = n;
        this.order = new int[n];
        this.blockStart = new int[n + 1];
        this.rowStart = new int[n + 1];
        this.couplingState = new int[n * n + n];
        this.coupling = new double[n * n + n];
        this.blockLu = new double[n * n];
        this.blockInverse = new double[n * n];
        this.blockOffset = new int[n + 1];
        this.pivot = new int[n];
        this.work = new double[n];
        this.jacobian = new double[n * n];
        this.pattern = new boolean[n * n];
        this.couplingEntry = new int[n * n + n];
        this.positionInverse = new double[n];
        this.multiBlock = new int[n];
        this.index = new int[n];
        this.lowLink = new int[n];
        this.onStack = new boolean[n];
        this.stack = new int[n];
        this.component = new int[n];
        this.callStack = new int[n];
        this.callNext = new int[n];
    }

    /** Number of diagonal blocks found by the last {@link #analyze}. */
    int blocks() {
        return blocks;
    }

    /** Size of the largest diagonal block. */
    int largestBlock() {
        int max = 0;
        for (int k = 0; k < blocks; k++) {
            max = Math.max(max, blockStart[k + 1] - blockStart[k]);
        }
        return max;
    }

    /** Records J (n × n, row-major) and finds the block structure of its sparsity pattern. */
    void analyze(final double[] jac) {
        System.arraycopy(jac, 0, jacobian, 0, n * n);
        boolean grown = !analyzed;
        for (int k = 0; k < n * n; k++) {
            if (jacobian[k] != 0 && !pattern[k]) {
                pattern[k] = true;
                grown = true;
            }
        }
        if (!grown) {
            final int couplings = rowStart[n];
            for (int e = 0; e < couplings; e++) {
                final int entry = couplingEntry[e];
                coupling[e] = entry >= 0 ? jacobian[entry] : 0.0;
            }
            return;
        }
        analyzed = true;
        strongComponents();
        // couplings to earlier components, row by row in solve order
        int e = 0;
        for (int p = 0; p < n; p++) {
            rowStart[p] = e;
            final int i = order[p];
            final int row = i * n;
            for (int j = 0; j < n; j++) {
                if (pattern[row + j] && component[j] != component[i]) {
                    couplingState[e] = j;
                    couplingEntry[e] = row + j;
                    coupling[e++] = jacobian[row + j];
                }
            }
            if ((e - rowStart[p]) % 2 == 1) {
                // pad to an even count with a zero coupling to the row's own state (finite whenever the result
                // is), so that the solve can take couplings in pairs: fewer mispredicted loop exits
                couplingState[e] = i;
                couplingEntry[e] = -1;
                coupling[e++] = 0.0;
            }
        }
        rowStart[n] = e;
        multiBlocks = 0;
        for (int k = 0; k < blocks; k++) {
            if (blockStart[k + 1] - blockStart[k] > 1) {
                multiBlock[multiBlocks++] = k;
            }
        }
        int offset = 0;
        for (int k = 0; k < blocks; k++) {
            blockOffset[k] = offset;
            final int m = blockStart[k + 1] - blockStart[k];
            offset += m * m;
        }
        blockOffset[blocks] = offset;
    }

    /** Factors the diagonal blocks of {@code d·I − J}; false if one is singular. */
    boolean factor(final double d) {
        for (int k = 0; k < blocks; k++) {
            final int start = blockStart[k];
            final int m = blockStart[k + 1] - start;
            final int offset = blockOffset[k];
            for (int a = 0; a < m; a++) {
                final int row = order[start + a] * n;
                for (int b = 0; b < m; b++) {
                    blockLu[offset + a * m + b] = -jacobian[row + order[start + b]];
                }
                blockLu[offset + a * m + a] += d;
            }
            if (m == 1) {
                final double inverse = 1.0 / blockLu[offset];
                if (!Double.isFinite(inverse)) {
                    return false;
                }
                blockInverse[offset] = inverse;
                positionInverse[start] = inverse;
                continue;
            }
            if (!DenseLu.factor(blockLu, offset, m, pivot, start)) {
                return false;
            }
            for (int c = 0; c < m; c++) {
                java.util.Arrays.fill(work, start, start + m, 0.0);
                work[start + c] = 1.0;
                DenseLu.solve(blockLu, offset, m, pivot, start, work, start);
                for (int r = 0; r < m; r++) {
                    blockInverse[offset + r * m + c] = work[start + r];
                }
            }
        }
        return true;
    }

    /** Solves {@code (d·I − J) x = b} in place (state order), using the last {@link #factor}. */
    void solve(final double[] b) {
        int p = 0;
        int next = 0;
        int nextMultiStart = multiBlocks > 0 ? blockStart[multiBlock[0]] : n;
        while (p < n) {
            if (p == nextMultiStart) {
                p = solveBlock(multiBlock[next++], b);
                nextMultiStart = next < multiBlocks ? blockStart[multiBlock[next]] : n;
                continue;
            }
            // a single-state block: most components
            final int i = order[p];
            double r = b[i];
            final int end = rowStart[p + 1];
            for (int e = rowStart[p]; e < end; e += 2) {
                r += coupling[e] * b[couplingState[e]] + coupling[e + 1] * b[couplingState[e + 1]];
            }
            b[i] = r * positionInverse[p];
            p++;
        }
    }

    /** The forward substitution through one block of several states; returns the position after it. */
    private int solveBlock(final int k, final double[] b) {
        final int start = blockStart[k];
        final int end = blockStart[k + 1];
        for (int p = start; p < end; p++) {
            double r = b[order[p]];
            final int last = rowStart[p + 1];
            for (int e = rowStart[p]; e < last; e += 2) {
                r += coupling[e] * b[couplingState[e]] + coupling[e + 1] * b[couplingState[e + 1]];
            }
            work[p] = r;
        }
        final int m = end - start;
        int row = blockOffset[k];
        for (int a = 0; a < m; a++) {
            double x = 0;
            for (int q = 0; q < m; q++) {
                x += blockInverse[row + q] * work[start + q];
            }
            b[order[start + a]] = x;
            row += m;
        }
        return end;
    }

    /**
     * Tarjan's strongly connected components, iterative. Components are emitted after every component
     * they depend on, which is the forward-substitution order.
     */
    private void strongComponents() {
        java.util.Arrays.fill(index, -1);
        int counter = 0;
        int top = 0;
        int emitted = 0;
        blocks = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callStack[0] = root;
            callNext[0] = 0;
            index[root] = counter;
            lowLink[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                final int v = callStack[depth];
                final int row = v * n;
                boolean descended = false;
                while (callNext[depth] < n) {
                    final int w = callNext[depth]++;
                    if (w == v || !pattern[row + w]) {
                        continue;
                    }
                    if (index[w] < 0) {
                        index[w] = counter;
                        lowLink[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callStack[depth] = w;
                        callNext[depth] = 0;
                        descended = true;
                        break;
                    } else if (onStack[w]) {
                        lowLink[v] = Math.min(lowLink[v], index[w]);
                    }
                }
                if (descended) {
                    continue;
                }
                if (lowLink[v] == index[v]) {
                    blockStart[blocks] = emitted;
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        component[w] = blocks;
                        order[emitted++] = w;
                    } while (w != v);
                    blocks++;
                }
                depth--;
                if (depth >= 0) {
                    final int parent = callStack[depth];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[v]);
                }
            }
        }
        blockStart[blocks] = emitted;
    }
}
