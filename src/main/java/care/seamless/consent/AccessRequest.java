package care.seamless.consent;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AccessPolicy#require} is asked: to open a person's record, or one item of
 * it (a category recorded by an organisation), for an action that the audit log names,
 * and whether the action changes the record and so needs more than a right to read.
 *
 * @param recordId the audited record; the person when none is given
 * @param category with {@code source}, the item; null asks about the record as a whole
 * @param who who may do it; {@link Who#ANYONE_WITH_ACCESS} for an ordinary read
 * @param author for {@link Who#AUTHOR_OR_HOLDING_MANAGER}, the account that wrote the
 * item
 */
public record AccessRequest(PersonId person, String action, String recordType, @Nullable Object recordId,
		@Nullable DataCategory category, @Nullable OrganisationId source, Who who, @Nullable String author) {

	/**
	 * Who may do it, beyond (or, for oversight, instead of) being allowed to see the
	 * record.
	 */
	public enum Who {

		/**
		 * Anyone the record or item is visible to (a read, or a change reading allows).
		 */
		ANYONE_WITH_ACCESS,

		/**
		 * A practitioner of a partner organisation, not a system or administrator
		 * account.
		 */
		PRACTITIONER,

		/**
		 * A practitioner in the person's care team today: a grant or a break-glass
		 * override lets people read, not change.
		 */
		CARE_TEAM_MEMBER,

		/**
		 * Oversight of who looked at the record: a Caldicott guardian, or a manager of a
		 * team one of whose members works with the person. This replaces the care-team
		 * relationship: overseers need not be in the care team, and care-team members are
		 * not overseers.
		 */
		OVERSEER,

		/**
		 * Whoever wrote the item (its {@link AccessRequest#author}), or a team manager of
		 * the organisation that holds it: taking an item off the record (a document,
		 * say).
		 */
		AUTHOR_OR_HOLDING_MANAGER,

		/**
		 * The person themselves, signed in with their own (person-side) account, for
		 * their own record: their views, their words, their sharing choices. Nobody
		 * acting for them and no practitioner qualifies.
		 */
		THE_PERSON,

		/**
		 * The person, or someone recorded as acting for them who may speak for them
		 * ({@link AccessRules#speaksFor}: a carer or property-and-finance attorney the
		 * person allowed, a health-and-welfare attorney or advocate while the person
		 * lacks capacity), signed in with their own (person-side) account: a message to
		 * the care team or feedback. No staff account qualifies.
		 */
		PERSON_SIDE

	}

	/** Opening the person's record, audited as {@code action} on {@code recordType}. */
	public static AccessRequest toOpen(PersonId person, String action, String recordType) {
		return new AccessRequest(person, action, recordType, null, null, null, Who.ANYONE_WITH_ACCESS, null);
	}

	/**
	 * The same question about one item: its category and the organisation that holds it.
	 */
	public AccessRequest item(DataCategory itemCategory, @Nullable OrganisationId itemSource) {
		return new AccessRequest(person, action, recordType, recordId, itemCategory, itemSource, who, author);
	}

	/** The same question, audited against another record than the person. */
	public AccessRequest about(@Nullable Object audited) {
		return new AccessRequest(person, action, recordType, audited, category, source, who, author);
	}

	/** The same question for something only {@code only} may do. */
	public AccessRequest by(Who only) {
		return new AccessRequest(person, action, recordType, recordId, category, source, only, author);
	}

	/**
	 * The same question for something only the item's author, or a team manager of the
	 * organisation holding it, may do.
	 */
	public AccessRequest byAuthorOrHoldingManager(String itemAuthor) {
		return new AccessRequest(person, action, recordType, recordId, category, source, Who.AUTHOR_OR_HOLDING_MANAGER,
				itemAuthor);
	}

	Object audited() {
		return recordId == null ? person : recordId;
	}

}
