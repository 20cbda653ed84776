package care.seamless.terminology;

import java.util.Collection;
import java.util.List;

import care.seamless.shared.Profession;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Coded answers in the reader's words, for any page: templates call
 * {@code ${@terms.display(code, audience)}}. Never fails on odd input, because a page
 * that cannot render hides more than a code does: an unknown code is shown as itself, a
 * missing one as nothing, and a missing audience reads plain English, which everyone
 * understands.
 */
@Component("terms")
public class Terms {

	private final Terminology terminology;

	Terms(Terminology terminology) {
		this.terminology = terminology;
	}

	public String display(@Nullable String code, @Nullable Audience audience) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return this.terminology.display(code, (audience != null) ? audience : Audience.PERSON);
	}

	public String display(@Nullable String code, @Nullable Profession profession) {
		return display(code, audience(profession));
	}

	/**
	 * Several codes, such as a multiple-choice answer, each in the reader's words and in
	 * the order given.
	 */
	public List<String> displayAll(@Nullable Collection<String> codes, @Nullable Audience audience) {
		if (codes == null) {
			return List.of();
		}
		return codes.stream().map((code) -> display(code, audience)).toList();
	}

	/**
	 * The audience of a practitioner of this profession; plain English for someone who
	 * has none (the person, a carer, a system account).
	 */
	public Audience audience(@Nullable Profession profession) {
		return (profession != null) ? Audience.of(profession) : Audience.PERSON;
	}

}
