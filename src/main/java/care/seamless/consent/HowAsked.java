package care.seamless.consent;

/** How the request to change a choice reached us. */
public enum HowAsked {

	IN_PERSON, IN_WRITING, BY_PHONE, ONLINE, BEST_INTERESTS

}
