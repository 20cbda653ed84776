package care.seamless.web;

import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets any handler take an {@link Actor} parameter without knowing about the security
 * layer. The purpose defaults to direct care; a request may state another with the
 * {@code purpose} parameter.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Actor.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
			throw new InsufficientAuthenticationException("Sign in first");
		}
		return user.actor(purpose(webRequest.getParameter("purpose")));
	}

	private static Purpose purpose(String requested) {
		if (requested == null) {
			return Purpose.DIRECT_CARE;
		}
		try {
			return Purpose.valueOf(requested.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			return Purpose.DIRECT_CARE;
		}
	}

}
