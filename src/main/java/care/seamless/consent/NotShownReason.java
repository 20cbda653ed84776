package care.seamless.consent;

/**
 * Why an item is not shown to the person or anyone acting for them: the grounds on which
 * information may be withheld from a subject access (Data Protection Act 2018, schedules
 * 2 and 3), as a fixed list.
 */
public enum NotShownReason {

	/** Showing it would be likely to cause serious harm to the person or someone else. */
	SERIOUS_HARM,

	/** It is about someone else who has not agreed to it being shared. */
	ABOUT_SOMEONE_ELSE,

	/** It is legal advice. */
	LEGAL_ADVICE,

	/** Showing it would get in the way of a crime or safeguarding enquiry. */
	CRIME_OR_SAFEGUARDING_ENQUIRY

}
