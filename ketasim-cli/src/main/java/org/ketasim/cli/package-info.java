/**
 * The {@code ketasim} command: the user-facing edge of KetaSim.
 *
 * <p>Subcommands: {@code simulate} (one patient's course as CSV or JSON, with a cascade plot), {@code demo}
 * (the standard six-infusion course), {@code trial} (a virtual trial from a YAML specification),
 * {@code validate} (the published trials of {@code trials/} against their reference targets),
 * {@code calibrate} (CMA-ES fit of chosen parameters to those targets), {@code params} (the model's
 * parameters and their provenance; {@code docs/model.md}) and {@code check} (a model file).
 *
 * <p>Text is parsed into canonical units here and nowhere deeper. Every input a user can get wrong ends as
 * a {@link org.ketasim.cli.UserInputException}: one line on standard error and exit code 2. Files are written
 * beside their target and renamed into place, so a reader never sees half a file.
 */
package org.ketasim.cli;
