/**
 * The model beside the patient: {@link org.ketasim.server.model.SessionPredictor} runs the bundled ketamine
 * model for a session (plasma ketamine, CADSS, blood pressure) and for a course (MADRS with a band of virtual
 * patients).
 */
package org.ketasim.server.model;
