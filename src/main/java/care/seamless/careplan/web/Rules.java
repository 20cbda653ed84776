package care.seamless.careplan.web;

import care.seamless.careplan.CarePlanRule;

import org.springframework.validation.BindingResult;

/**
 * Puts a broken plan rule on the form field it names, or at the top when there is none.
 */
final class Rules {

	private Rules() {
	}

	static void reject(BindingResult result, CarePlanRule rule) {
		String field = rule.field().contains("[") ? rule.field().substring(0, rule.field().indexOf('[')) : rule.field();
		if (hasField(result, field)) {
			result.rejectValue(field, "rule-violated", rule.getMessage());
		}
		else {
			result.reject("rule-violated", rule.getMessage());
		}
	}

	private static boolean hasField(BindingResult result, String field) {
		Object target = result.getTarget();
		return target != null && target.getClass().isRecord()
				&& java.util.Arrays.stream(target.getClass().getRecordComponents())
					.anyMatch(component -> component.getName().equals(field));
	}

}
