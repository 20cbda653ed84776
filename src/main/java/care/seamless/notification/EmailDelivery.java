package care.seamless.notification;

/** Whether a practitioner's new notices are also e-mailed to them. */
public enum EmailDelivery {

	/** No mail server is configured: the inbox is the only place notices appear. */
	OFF,

	/** Mail is configured but the practitioner has no e-mail address. */
	NO_ADDRESS,

	/** Each new notice is also e-mailed, in generic words. */
	ON

}
