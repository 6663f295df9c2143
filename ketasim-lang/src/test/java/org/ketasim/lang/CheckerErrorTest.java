package org.ketasim.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the checker (and the malformed-syntax errors of the parser), each with the exact line and
 * column it must report. Each test edits a small valid model, {@link #BASE}.
 */
class CheckerErrorTest {

    /** A valid model; the comments give the line numbers that the tests below edit. */
    private static final String BASE = String.join("\n",
            "model m \"test\"",                                  // 1
            "[parameters]",                                      // 2
            "CL = 10 L/h : \"Clearance\" : assumed \"test\"",    // 3
            "V = 20 L : \"Volume\" : assumed \"test\"",          // 4
            "[states]",                                          // 5
            "A(0) = 0 [mg] : \"Amount\"",                        // 6
            "[equations]",                                       // 7
            "C = A / V",                                         // 8
            "d/dt(A) = -CL * C",                                 // 9
            "[outputs]",                                         // 10
            "conc = C [ng/mL] : \"Concentration\"") + "\n";      // 11

    /** Edits of {@link #BASE}: replace a line, insert lines after one, append lines. */
    private static final class Edit {
        private final List<String> lines = new ArrayList<>(Arrays.asList(BASE.split("\n")));

        Edit replace(int line, String text) {
            lines.set(line - 1, text);
            return this;
        }

        Edit insertAfter(int line, String... text) {
            lines.addAll(line, Arrays.asList(text));
            return this;
        }

        Edit append(String... text) {
            lines.addAll(Arrays.asList(text));
            return this;
        }

        void fails(int line, int column, String fragment) {
            String source = String.join("\n", lines) + "\n";
            assertThatThrownBy(() -> Model.parse(source, "test.ksm"))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.getMessage()).as("message").contains(fragment)
                                .startsWith("test.ksm:" + line + ":" + column + ": ")
                                .doesNotContain("\n");
                        assertThat(e.sourceName()).isEqualTo("test.ksm");
                        assertThat(e.line()).isEqualTo(line);
                        assertThat(e.column()).isEqualTo(column);
                        assertThat(e.getMessage()).endsWith(e.detail());
                    });
        }
    }

    private static Edit base() {
        return new Edit();
    }

    @Test
    void theBaseModelIsValid() throws ModelException {
        Model m = Model.parse(BASE, "test.ksm");
        assertThat(m.states()).hasSize(1);
    }

    // ------------------------------------------------------------------ parameter rows

    @Test
    void missingProvenance() {
        base().replace(3, "CL = 10 L/h : \"Clearance\"")
                .fails(3, 26, "missing provenance for 'CL'; expected ': source \"citation\"', ': assumed \"reason\"'");
    }

    @Test
    void unknownProvenanceKeyword() {
        base().replace(3, "CL = 10 L/h : \"Clearance\" : guessed \"x\"")
                .fails(3, 29, "unknown provenance 'guessed' for 'CL'; expected source");
    }

    @Test
    void emptyProvenance() {
        base().replace(3, "CL = 10 L/h : \"Clearance\" : assumed \"  \"")
                .fails(3, 29, "empty provenance for 'CL'");
    }

    @Test
    void unknownUnitAfterAValue() {
        base().replace(3, "CL = 10 furlongs/h : \"Clearance\" : assumed \"test\"")
                .fails(3, 9, "unknown unit 'furlongs' (known: kg, g, mg,");
    }

    @Test
    void unknownUnitInBracketsPointsAtTheSymbol() {
        base().replace(11, "conc = C [ng/mLL] : \"Concentration\"")
                .fails(11, 14, "unknown unit 'mLL'");
    }

    @Test
    void missingUnitIsReportedWhereTheUnitBelongs() {
        base().replace(3, "CL = 10 : \"Clearance\" : assumed \"test\"")
                .fails(3, 9, "expected a unit after the value of 'CL' (for example 'L/h'); without one it is "
                        + "dimensionless, which gives at 9:11: d/dt(A) has dimension mg/L (M L^-3)");
    }

    @Test
    void missingUnitOfADivisorIsFoundThroughIntermediates() {
        base().replace(4, "V = 20 : \"Volume\" : assumed \"test\"")
                .fails(4, 8, "expected a unit after the value of 'V' (for example 'L')");
    }

    @Test
    void parameterUnitsAreWrittenWithoutBrackets() {
        base().replace(4, "V = 20 [L] : \"Volume\" : assumed \"test\"")
                .fails(4, 8, "the unit after the value of 'V' is written without brackets, as in 'V = 20 L/h'");
    }

    @Test
    void switchMustBeZeroOrOne() {
        base().insertAfter(4, "[switches]", "sw = 2 : \"S\" : assumed \"x\"")
                .fails(6, 6, "switch 'sw' must be 0 or 1, found 2");
    }

    @Test
    void switchTakesNoUnit() {
        base().insertAfter(4, "[switches]", "sw = 1 mg : \"S\" : assumed \"x\"")
                .fails(6, 8, "a switch takes no unit");
    }

    @Test
    void bsvOnlyInParameters() {
        base().insertAfter(4, "[covariates]", "WT = 70 kg : \"W\" : assumed \"x\" : bsv 20%")
                .fails(6, 34, "bsv is only allowed in [parameters]");
    }

    @Test
    void bsvNeedsAPercentSign() {
        base().replace(3, "CL = 10 L/h : \"Clearance\" : assumed \"test\" : bsv 25")
                .fails(3, 52, "expected '%' after the bsv value");
    }

    @Test
    void parameterValueMustBeANumber() {
        base().replace(4, "V = CL L : \"Volume\" : assumed \"test\"")
                .fails(4, 5, "expected a number as the value of 'V'");
    }

    // ------------------------------------------------------------------ names

    @Test
    void undefinedNameSuggestsTheClosest() {
        base().replace(9, "d/dt(A) = -Cl * C")
                .fails(9, 12, "undefined name 'Cl'; did you mean 'CL'?");
    }

    @Test
    void intermediateUsedBeforeItIsDefined() {
        base().replace(8, "d/dt(A) = -CL * C").replace(9, "C = A / V")
                .fails(8, 17, "intermediate 'C' is used before it is defined (line 9)");
    }

    @Test
    void duplicateName() {
        base().replace(4, "CL = 20 L : \"Volume\" : assumed \"test\"")
                .fails(4, 1, "duplicate name 'CL': already defined at line 3 as a parameter");
    }

    @Test
    void duplicateNameAcrossBlocks() {
        base().replace(8, "V = A / V")
                .fails(8, 1, "duplicate name 'V': already defined at line 4 as a parameter");
    }

    @Test
    void timeIsReserved() {
        base().replace(4, "t = 20 L : \"Volume\" : assumed \"test\"")
                .fails(4, 1, "'t' is reserved for time (h)");
    }

    @Test
    void functionNamesAreReserved() {
        base().insertAfter(8, "exp = C * 2")
                .fails(9, 1, "'exp' is the name of a built-in function");
    }

    @Test
    void derivedMayNotUseAState() {
        base().insertAfter(4, "[derived]", "k = A / V")
                .fails(6, 5, "derived 'k' uses state 'A'; derived quantities may use only covariates, parameters");
    }

    @Test
    void derivedMayNotUseTime() {
        base().insertAfter(4, "[derived]", "k = t * CL")
                .fails(6, 5, "derived 'k' uses time 't'");
    }

    @Test
    void derivedUsedBeforeItIsDefined() {
        base().insertAfter(4, "[derived]", "k1 = k2 * 2", "k2 = CL / V")
                .fails(6, 6, "derived 'k2' is used before it is defined (line 7)");
    }

    @Test
    void outputsCannotBeReused() {
        base().append("c2 = conc [ng/mL] : \"again\"")
                .fails(12, 6, "'conc' is an output and cannot be used in an expression");
    }

    // ------------------------------------------------------------------ dimensions

    @Test
    void additionOfDifferentDimensions() {
        base().insertAfter(4, "K = 1 umol/L : \"K\" : assumed \"x\"").replace(9, "C = A / V + K")
                .fails(9, 11, "dimension mismatch in '+': left is mg/L (M L^-3), right is umol/L (N L^-3)");
    }

    @Test
    void subtractionOfANumberFromAnAmount() {
        base().replace(8, "C = (A - 1) / V")
                .fails(8, 8, "dimension mismatch in '-': left is mg (M), right is dimensionless");
    }

    @Test
    void odeMustHaveTheStateDimensionPerTime() {
        base().replace(9, "d/dt(A) = -A")
                .fails(9, 11, "d/dt(A) has dimension mg (M) but must be mg/h (M T^-1)");
    }

    @Test
    void expOfADimensionedValue() {
        base().replace(8, "C = exp(A) / V")
                .fails(8, 9, "the argument of 'exp' has dimension mg (M) but must be dimensionless");
    }

    @Test
    void lnOfADimensionedValue() {
        base().replace(8, "C = A / V * ln(V)")
                .fails(8, 16, "the argument of 'ln' has dimension L (L^3) but must be dimensionless");
    }

    @Test
    void powerOfADimensionedBaseNeedsALiteralExponent() {
        base().insertAfter(4, "n = 2 : \"n\" : assumed \"x\"").replace(9, "C = A^n / V")
                .fails(9, 5, "'^' with a base of dimension mg (M) needs a numeric literal exponent");
    }

    @Test
    void exponentMustBeDimensionless() {
        base().replace(8, "C = A / V * 2^V")
                .fails(8, 15, "the exponent of '^' has dimension L (L^3) but must be dimensionless");
    }

    @Test
    void fractionalPowerOfADimensionedValue() {
        base().replace(8, "C = A^0.5 / V")
                .fails(8, 6, "'^0.5' of a value of dimension mg (M) gives a fractional dimension");
    }

    @Test
    void minOfDifferentDimensions() {
        base().replace(8, "C = min(A / V, A)")
                .fails(8, 5, "dimension mismatch in 'min': first argument is mg/L (M L^-3), second is mg (M)");
    }

    @Test
    void hillExponentMustBeDimensionless() {
        base().replace(8, "C = A / V * hill(A, A, V)")
                .fails(8, 24, "the exponent n of 'hill' has dimension L (L^3) but must be dimensionless");
    }

    @Test
    void hillArgumentsMustShareADimension() {
        base().replace(8, "C = A / V * hill(A, V, 1)")
                .fails(8, 13, "dimension mismatch in 'hill': x is mg (M), k is L (L^3)");
    }

    @Test
    void outputDimensionMustMatchItsUnit() {
        base().replace(11, "conc = C [umol/L] : \"Concentration\"")
                .fails(11, 8, "output 'conc' has dimension mg/L (M L^-3) but is declared in umol/L (N L^-3)");
    }

    @Test
    void initialValueDimensionMustMatchTheStateUnit() {
        base().replace(6, "A(0) = V [mg] : \"Amount\"")
                .fails(6, 8, "the initial value of state 'A' has dimension L (L^3) but the state is declared in mg (M)");
    }

    @Test
    void unknownFunction() {
        base().replace(8, "C = expp(A) / V")
                .fails(8, 5, "unknown function 'expp'; did you mean 'exp'?");
    }

    @Test
    void wrongNumberOfArguments() {
        base().replace(8, "C = min(A / V)")
                .fails(8, 5, "'min' takes 2 arguments, found 1");
    }

    // ------------------------------------------------------------------ states and ODEs

    @Test
    void stateWithoutAnOde() {
        base().insertAfter(6, "B(0) = 0 [mg] : \"B\"")
                .fails(7, 1, "state 'B' has no ODE; expected a row 'd/dt(B) = ...' in [equations]");
    }

    @Test
    void stateWithTwoOdes() {
        base().insertAfter(9, "d/dt(A) = -CL * C")
                .fails(10, 6, "second ODE for state 'A' (the first is at line 9)");
    }

    @Test
    void odeOfSomethingThatIsNotAState() {
        base().replace(9, "d/dt(C) = -CL * C")
                .fails(9, 6, "d/dt(C): 'C' is an intermediate, not a state");
    }

    // ------------------------------------------------------------------ dosing and balance

    @Test
    void doseTargetMustBeAMass() {
        base().insertAfter(6, "Y(0) = 1 [points] : \"Y\"").insertAfter(10, "d/dt(Y) = -Y * CL / V")
                .append("[dosing]", "iv S: A, Y")
                .fails(15, 10, "dose target 'Y' has unit points (P) but must be a mass (M)");
    }

    @Test
    void doseTargetMustBeAState() {
        base().append("[dosing]", "iv S: C")
                .fails(13, 7, "dose target 'C' is an intermediate, not a state");
    }

    @Test
    void doseFractionMustBeDimensionless() {
        base().append("[dosing]", "iv S: A * V")
                .fails(13, 11, "the dose fraction for 'A' has dimension L (L^3) but must be dimensionless");
    }

    @Test
    void doseFractionMayNotUseStates() {
        base().append("[dosing]", "iv S: A * A / A")
                .fails(13, 11, "the dose fraction for 'A' uses state 'A'; dose fractions may use only");
    }

    @Test
    void unknownRoute() {
        base().append("[dosing]", "po S: A")
                .fails(13, 1, "unknown route 'po'; expected one of iv, im, sc, intranasal, oral, sublingual");
    }

    @Test
    void routeAndEnantiomerAppearOnce() {
        base().append("[dosing]", "iv S: A", "iv R: A", "iv S: A")
                .fails(15, 1, "dosing for 'iv S' is declared twice (first at line 13)");
    }

    @Test
    void balanceMustBeAMass() {
        base().append("[balance]", "total = A [L]")
                .fails(13, 11, "the balance unit must be a mass (M)");
    }

    @Test
    void balanceHasOneRow() {
        base().append("[balance]", "total = A [mg]", "again = A [mg]")
                .fails(14, 1, "[balance] takes exactly one row (the first is at line 13)");
    }

    // ------------------------------------------------------------------ malformed syntax

    @Test
    void missingEquals() {
        base().replace(3, "CL 10 L/h : \"Clearance\" : assumed \"test\"")
                .fails(3, 4, "expected '=' after 'CL', found '10'");
    }

    @Test
    void unterminatedString() {
        base().replace(11, "conc = C [ng/mL] : \"Concentration")
                .fails(11, 20, "unterminated string; expected a closing '\"' on the same line");
    }

    @Test
    void unclosedParenthesisRunningIntoTheNextRow() {
        base().replace(8, "C = (A / V")
                .fails(8, 5, "unbalanced parenthesis: '(' is never closed; expected ')'");
    }

    @Test
    void unclosedParenthesisBeforeABlockHeader() {
        base().replace(9, "d/dt(A) = -CL * (C")
                .fails(9, 17, "unbalanced parenthesis: '(' is never closed");
    }

    @Test
    void closingParenthesisWithoutAnOpeningOne() {
        base().replace(8, "C = A / V)")
                .fails(8, 10, "unbalanced parenthesis: ')' has no matching '('");
    }

    @Test
    void rowCannotStartWithAnOperator() {
        base().insertAfter(9, "    - CL * C")
                .fails(10, 5, "a row cannot start with '-'; to continue the previous row");
    }

    @Test
    void missingOperatorBetweenNames() {
        base().replace(8, "C = A V")
                .fails(8, 7, "unexpected 'V' after the expression of 'C'; expected an operator or the end of the row");
    }

    @Test
    void unexpectedCharacter() {
        base().replace(8, "C = A / V $")
                .fails(8, 11, "unexpected character '$'");
    }

    @Test
    void missingExpression() {
        base().append("x = C *")
                .fails(12, 8, "expected an expression (a number, a name or '(') after '*', found the end of the file");
        base().replace(8, "C = A *").replace(9, "[outputs]")
                .fails(8, 8, "expected an expression (a number, a name or '(') after '*', found the end of the row");
    }

    @Test
    void rowEndingWithAnOperatorContinuesOnTheNextLine() {
        base().replace(8, "C = A /")
                .fails(9, 9, "unexpected '=' after the expression of 'C'; expected an operator or the end of the row "
                        + "(line 8 ends with '/', so the row continues on line 9)");
    }

    @Test
    void stateNeedsItsUnitInBrackets() {
        base().replace(6, "A(0) = 0 mg : \"Amount\"")
                .fails(6, 10, "expected the unit of state 'A' in brackets after its initial value");
    }

    @Test
    void unknownBlockSuggestsTheClosest() {
        base().replace(10, "[output]")
                .fails(10, 2, "unknown block '[output]'; did you mean '[outputs]'?");
    }

    @Test
    void blockAppearsOnce() {
        base().append("[parameters]")
                .fails(12, 1, "block [parameters] appears twice (first at line 2)");
    }

    @Test
    void rowOutsideABlock() {
        base().replace(2, "# no block header")
                .fails(3, 1, "expected a block header such as '[parameters]' before this row");
    }

    @Test
    void modelLineComesFirst() {
        base().replace(1, "# no model line")
                .fails(2, 1, "expected 'model NAME \"title\"' as the first line of the model");
    }

    @Test
    void modelNeedsATitle() {
        base().replace(1, "model m")
                .fails(1, 8, "expected a quoted title after the model name");
    }

    // ------------------------------------------------------------------ more names and hints

    @Test
    void intermediateCannotRefertoItself() {
        base().replace(8, "C = A / V + C")
                .fails(8, 13, "intermediate 'C' refers to itself");
    }

    @Test
    void aParameterIsNotAFunction() {
        base().replace(8, "C = A / V * CL(2)")
                .fails(8, 13, "'CL' is not a function; write '*' to multiply");
    }

    @Test
    void missingUnitInsideExpIsInferredFromTime() {
        base().insertAfter(4, "k = 0.1 : \"Rate\" : assumed \"x\"").replace(9, "C = A / V * exp(-k * t)")
                .fails(5, 9, "expected a unit after the value of 'k' (for example '1/h')");
    }

    @Test
    void missingUnitThatCannotBeInferredIsNoted() {
        base().insertAfter(4, "k = 0.1 : \"Rate\" : assumed \"x\"").replace(9, "C = A / V * exp(k * k * t)")
                .fails(9, 17, "the argument of 'exp' has dimension h (T) but must be dimensionless (note: 'k' has no "
                        + "unit, so it is dimensionless)");
    }
}
