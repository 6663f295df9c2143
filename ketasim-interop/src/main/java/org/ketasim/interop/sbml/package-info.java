/**
 * SBML Level 3 Version 2 export of a KetaSim model file with one patient's parameters and a dosing schedule.
 *
 * <pre>{@code
 * SbmlExporter exporter = SbmlExporter.of(Files.readString(path), path.toString());
 * exporter.write(model.defaultParameters(), regimen, "0.5 mg/kg over 40 min", writer);
 * }</pre>
 *
 * <p>The mapping of model constructs to SBML is described on {@link org.ketasim.interop.sbml.SbmlExporter} and in
 * {@code docs/interop.md}; {@code tools/sbml/} holds the libSBML consistency check and an independent SciPy
 * simulation of the exported file.
 */
package org.ketasim.interop.sbml;
