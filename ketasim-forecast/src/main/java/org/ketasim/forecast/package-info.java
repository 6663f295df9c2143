/**
 * Personalised forecasting: Bayesian individualisation of the calibrated population model from a patient's own
 * scores ({@link org.ketasim.forecast.Forecaster}), the patient file ({@link org.ketasim.forecast.PatientFile}) and
 * the forecast ({@link org.ketasim.forecast.Forecast}). Decision support only.
 */
package org.ketasim.forecast;
