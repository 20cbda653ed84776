package care.seamless.careplan.web;

import care.seamless.careplan.CarePlanRule;
import care.seamless.shared.Violation;

import org.springframework.validation.BindingResult;

/**
 * Puts a broken plan rule on the form field it names, or at the top when there is none.
 */
final class Rules {

	private Rules() {
	}

	static void reject(BindingResult result, CarePlanRule rule) {
		reject(result, rule.violations());
	}

	/**
	 * Adds the plan's own problems to a form that already refused values it could not
	 * read, so that one submit names them all.
	 */
	static void reject(BindingResult result, java.util.List<Violation> violations) {
		for (Violation violation : violations) {
			reject(result, violation.field(), violation.message());
		}
	}

	private static void reject(BindingResult result, String name, String message) {
		String named = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
		// A date the plan names as one value (targetDate, dueOn) is typed in three boxes;
		// its message goes beside the day.
		String dayBox = named.replaceFirst("(Date|On)$", "Day");
		String field = !hasField(result, named) && hasField(result, dayBox) ? dayBox : named;
		if (hasField(result, field)) {
			// A rule the form already refused (a date it could not read) is not said
			// twice.
			if (!result.hasFieldErrors(field)) {
				result.rejectValue(field, "rule-violated", message);
			}
		}
		else {
			result.reject("rule-violated", message);
		}
	}

	private static boolean hasField(BindingResult result, String field) {
		Object target = result.getTarget();
		return target != null && target.getClass().isRecord()
				&& java.util.Arrays.stream(target.getClass().getRecordComponents())
					.anyMatch(component -> component.getName().equals(field));
	}

}
