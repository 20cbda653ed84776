package care.seamless.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one check every form and query value passes before any controller sees it: no
 * control characters (PostgreSQL refuses NUL outright, and the others have no place in a
 * care record's text), and no value longer than any field can hold. A refused request
 * reaches no handler, so nothing is saved.
 */
class InputBoundary implements HandlerInterceptor {

	/** Longer than any field's own limit; a care plan's longest free text is 10,000. */
	static final int MAX_VALUE_LENGTH = 20_000;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			// Static files and unmatched addresses read no parameters, and only a
			// controller's error handlers can answer in its own form (page or problem).
			return true;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			check(parameter.getKey(), parameter.getKey());
			for (String value : parameter.getValue()) {
				check(parameter.getKey(), value);
			}
		}
		return true;
	}

	/**
	 * A form record whose value could not be converted (an unknown choice, a number that
	 * is not one) is never built, so its page cannot be shown again with the message
	 * beside the field; it is refused here, before the page renders, naming the field.
	 */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null) {
			return;
		}
		for (Object value : modelAndView.getModel().values()) {
			if (value instanceof BindingResult result && result.getTarget() == null && result.hasErrors()) {
				FieldError error = result.getFieldError();
				throw new RefusedInput(error == null ? result.getObjectName() : error.getField(),
						RefusedInput.Reason.NOT_VALID);
			}
		}
	}

	private static void check(String field, String value) {
		if (value.length() > MAX_VALUE_LENGTH) {
			throw new RefusedInput(field, RefusedInput.Reason.TOO_LONG);
		}
		if (hasControlCharacter(value)) {
			throw new RefusedInput(field, RefusedInput.Reason.CONTROL_CHARACTER);
		}
	}

	/** Tab and line breaks are text; every other C0/C1 control character is not. */
	static boolean hasControlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

}
