package care.seamless.eligibility;

import java.util.List;
import java.util.Locale;

import care.seamless.team.OrganisationContact;

/**
 * What the person's letter needs: the determination, whom to write to, and how they reach
 * the organisation that decided (with a reference to quote). The address is empty for a
 * restricted record or when the viewer may not see it.
 */
public record Letter(Determination determination, String name, String greeting, List<String> address,
		OrganisationContact contact) {

	/**
	 * The reference the person quotes when they get in touch: the organisation's code and
	 * the start of the determination's id, enough to find it and nothing about them.
	 */
	public String reference() {
		return (contact.code() + "-" + determination.id().toString().substring(0, 8)).toUpperCase(Locale.UK);
	}

}
