package care.seamless.careplan;

/** A one-off action, or a service that is provided until it ends. */
public enum ActionKind {

	ACTION, SERVICE

}
