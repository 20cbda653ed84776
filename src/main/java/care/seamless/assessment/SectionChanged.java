package care.seamless.assessment;

import care.seamless.shared.ConcurrentEditException;

/**
 * Someone else saved or signed the section after it was opened. Carries the section as it
 * now is, so the form can show what changed instead of overwriting it.
 */
public class SectionChanged extends ConcurrentEditException {

	private final transient SectionForm current;

	public SectionChanged(SectionForm current) {
		super("Assessment section", current.state().section().id());
		this.current = current;
	}

	public SectionForm current() {
		return this.current;
	}

}
