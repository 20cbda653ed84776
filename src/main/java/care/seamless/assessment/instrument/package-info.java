/**
 * Assessment instruments as versioned data, in the spirit of a FHIR Questionnaire:
 * definitions are JSON files read by
 * {@link care.seamless.assessment.instrument.InstrumentParser}, kept by
 * {@link care.seamless.assessment.instrument.Instruments}, and answered through
 * {@link care.seamless.assessment.instrument.AnswerValidator}. Adding an instrument means
 * adding a file, not code.
 */
@org.springframework.modulith.NamedInterface("instrument")
@org.jspecify.annotations.NullMarked
package care.seamless.assessment.instrument;
