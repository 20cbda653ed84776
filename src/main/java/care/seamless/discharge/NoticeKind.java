package care.seamless.discharge;

/** The statutory notices of the older scheme, from the ward to social care. */
public enum NoticeKind {

	ASSESSMENT, DISCHARGE

}
