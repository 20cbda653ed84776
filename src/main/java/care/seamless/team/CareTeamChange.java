package care.seamless.team;

import java.util.Locale;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * A change to a person's care team that the access module must allow first
 * ({@link CareTeamPermissions}).
 *
 * @param subject the practitioner the change is about: the newcomer, the member leaving,
 * the incoming lead, or whoever asks to join
 * @param requestedBy for a withdrawal, the practitioner who made the request
 */
public record CareTeamChange(Kind kind, PersonId person, PractitionerId subject, @Nullable PractitionerId requestedBy) {

	public CareTeamChange(Kind kind, PersonId person, PractitionerId subject) {
		this(kind, person, subject, null);
	}

	public enum Kind {

		INVITE, ACCEPT_INVITATION, DECLINE_INVITATION, END_INVOLVEMENT, HAND_OVER, ACCEPT_HANDOVER, DECLINE_HANDOVER,
		ASK_TO_JOIN, ACCEPT_JOIN, DECLINE_JOIN, ALLOCATE, WITHDRAW_INVITATION, WITHDRAW_HANDOVER, WITHDRAW_JOIN;

		/**
		 * Whether the change lets the subject into the care team (or makes them its
		 * lead), so the person's objections and the sharing agreements apply to it.
		 */
		public boolean letsSubjectIn() {
			return switch (this) {
				case INVITE, ACCEPT_INVITATION, HAND_OVER, ACCEPT_HANDOVER, ASK_TO_JOIN, ACCEPT_JOIN, ALLOCATE -> true;
				case DECLINE_INVITATION, END_INVOLVEMENT, DECLINE_HANDOVER, DECLINE_JOIN, WITHDRAW_INVITATION,
						WITHDRAW_HANDOVER, WITHDRAW_JOIN ->
					false;
			};
		}

		/** The action the audit log names. */
		public String action() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
