package care.seamless.person;

/** What a document on the record is; its data category is chosen separately. */
public enum DocumentKind {

	LETTER, REPORT, PHOTO

}
