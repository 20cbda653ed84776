package care.seamless.person;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import care.seamless.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * How a caseload is sorted and filtered. Every choice is one of a closed list, checked
 * when the request is read ({@link #parse}), so the SQL is built only from names this
 * class defines and an unknown value is a message about the field, never an error page.
 *
 * @param role only people the viewer leads, or is a member for; null for all
 * @param overdueOnly only people whose plan review date has passed
 * @param plan only people whose plan is in this state; null for all
 */
public record CaseloadQuery(Sort sort, boolean descending, @Nullable Role role, boolean overdueOnly,
		@Nullable PlanState plan, int page) {

	public static final CaseloadQuery DEFAULT = new CaseloadQuery(Sort.NAME, false, null, false, null, 1);

	/** What the caseload can be sorted by. */
	public enum Sort {

		NAME, ROLE, LAST_CONTACT, NEXT_REVIEW, ASSESSMENT, PLAN

	}

	/** The viewer's part in the person's care. */
	public enum Role {

		/** The viewer is the lead professional. */
		LEAD,
		/** The viewer is in the care team, not as lead. */
		MEMBER,
		/**
		 * The viewer reaches the record otherwise: a linked record, a team grant, break
		 * glass.
		 */
		OTHER

	}

	/** Where the person's latest assessment stands. */
	public enum AssessmentState {

		NONE, OPEN, COMPLETED, WITHHELD

	}

	/**
	 * Where the person's care plan stands: agreed once the person agrees an objective.
	 */
	public enum PlanState {

		NONE, DRAFT, AGREED, WITHHELD

	}

	public CaseloadQuery {
		page = Math.max(page, 1);
	}

	/**
	 * Reads the request's values (each may be null or blank for the default). Throws
	 * {@link PersonRuleViolation} naming the field for a value outside its list.
	 */
	public static CaseloadQuery parse(@Nullable String sort, @Nullable String order, @Nullable String role,
			@Nullable String overdue, @Nullable String plan, @Nullable String page) {
		Sort by = blank(sort) ? Sort.NAME
				: code(Sort.class, sort).orElseThrow(() -> refused("sort", "Choose a column to sort by from the list"));
		boolean descending;
		if (blank(order) || "asc".equals(order)) {
			descending = false;
		}
		else if ("desc".equals(order)) {
			descending = true;
		}
		else {
			throw refused("order", "Sort in ascending or descending order");
		}
		Role asRole = blank(role) ? null
				: code(Role.class, role).orElseThrow(() -> refused("role", "Choose lead, member or other"));
		PlanState inState = blank(plan) ? null
				: code(PlanState.class, plan).orElseThrow(() -> refused("plan", "Choose a plan state from the list"));
		boolean overdueOnly;
		if (blank(overdue) || "false".equals(overdue)) {
			overdueOnly = false;
		}
		else if ("true".equals(overdue)) {
			overdueOnly = true;
		}
		else {
			throw refused("overdue", "Choose whether to show only overdue reviews");
		}
		return new CaseloadQuery(by, descending, asRole, overdueOnly, inState, pageNumber(page));
	}

	private static int pageNumber(@Nullable String page) {
		if (blank(page)) {
			return 1;
		}
		if (page.length() > 6 || !page.chars().allMatch(Character::isDigit)) {
			throw refused("page", "The page must be a whole number");
		}
		return Integer.parseInt(page);
	}

	/**
	 * The value as it appears in a link: lower case with hyphens, such as
	 * {@code last-contact}.
	 */
	public static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static <E extends Enum<E>> Optional<E> code(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> code(e).equals(value)).findFirst();
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static PersonRuleViolation refused(String field, String message) {
		return new PersonRuleViolation(field, ErrorCode.VALIDATION_FAILED, message);
	}

	/**
	 * The link that sorts by {@code column} (a {@link Sort} code), keeping the filters:
	 * ascending first, descending when already sorted ascending by it.
	 */
	public String sortLink(String column) {
		Sort by = code(Sort.class, column).orElse(Sort.NAME);
		boolean flip = by == sort && !descending;
		return link(by, flip, 1);
	}

	/** The link to another page of the same caseload. */
	public String pageLink(int other) {
		return link(sort, descending, other);
	}

	/**
	 * {@code ascending}, {@code descending} or {@code none}, for a column's aria-sort.
	 */
	public String ariaSort(String column) {
		return !code(sort).equals(column) ? "none" : descending ? "descending" : "ascending";
	}

	private String link(Sort by, boolean desc, int toPage) {
		StringBuilder link = new StringBuilder("/?sort=").append(code(by))
			.append("&order=")
			.append(desc ? "desc" : "asc");
		if (role != null) {
			link.append("&role=").append(code(role));
		}
		if (overdueOnly) {
			link.append("&overdue=true");
		}
		if (plan != null) {
			link.append("&plan=").append(code(plan));
		}
		return toPage > 1 ? link.append("&page=").append(toPage).toString() : link.toString();
	}

	/** The same query on another page. */
	public CaseloadQuery onPage(int other) {
		return new CaseloadQuery(sort, descending, role, overdueOnly, plan, other);
	}

}
