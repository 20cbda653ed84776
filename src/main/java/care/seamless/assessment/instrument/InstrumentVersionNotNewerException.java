package care.seamless.assessment.instrument;

/**
 * Refuses an instrument whose version is not above every version already held, because a
 * published version must never change under the assessments that were completed against
 * it.
 */
public class InstrumentVersionNotNewerException extends RuntimeException {

	public InstrumentVersionNotNewerException(String id, int version, int latest) {
		super((version == latest) ? "Instrument " + id + " version " + version + " already exists"
				: "Instrument " + id + " version " + version + " is not newer than the latest version " + latest);
	}

}
