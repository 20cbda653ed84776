package care.seamless.consent;

/**
 * The organisation an objection or dissent is held against may never lift it, whatever
 * reason it gives: neither by withdrawing it nor by recording a consent that outranks it.
 * Only another organisation, on the person's instruction or with authority to act for
 * them, may record the change.
 */
public class ObjectionAgainstOwnOrganisation extends ConsentRule {

	public ObjectionAgainstOwnOrganisation() {
		super("choice", "The person's objection is against your organisation, so your organisation cannot withdraw "
				+ "or outweigh it. If the person has changed their mind, another organisation in their care team must "
				+ "record it.");
	}

}
