package care.seamless.web;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import care.seamless.team.SignedInAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * How Spring Session turns a session attribute into bytes and back: Java serialisation,
 * as Spring Session does it, except that a staff session's security context is not
 * deserialised afresh on every request (ADR 81). The session row's bytes of that context
 * do not change between sign-in and sign-out, and turning them back into objects was the
 * largest single part of what a JSON API request paid before its controller.
 * <p>
 * What is kept is keyed by the exact bytes read from the session row on this request: the
 * same bytes give an equal context whether or not they are deserialised again, so nothing
 * a request decides can differ. The session itself is still read from the table on every
 * request, so a session that has been signed out, has expired or was deleted (its row
 * gone) finds nothing to look up here; and the account's standing is read with it (ADR
 * 70) and checked on every request, so a disabled account is refused as before. Each
 * request gets a context and an authentication of its own, so that a sign-out clearing
 * its context, or anything setting details on it, changes nothing another request holds.
 * Only a password sign-in's context is kept (an authenticated
 * {@link UsernamePasswordAuthenticationToken} of a {@link SignedInAccount}, whose fields,
 * and its subclasses', are all final): anything else is deserialised every time, as
 * before.
 */
final class SessionAttributeBytes {

	/**
	 * Enough for every session of a busy node; past it everything is forgotten at once
	 * (dearer than an LRU for one request, cheaper on every other).
	 */
	static final int KEPT = 4096;

	private final Converter<byte[], Object> deserializer;

	private final Map<Bytes, UsernamePasswordAuthenticationToken> kept = new ConcurrentHashMap<>();

	SessionAttributeBytes(ClassLoader classLoader) {
		this.deserializer = new DeserializingConverter(classLoader);
	}

	/** Spring Session's two conversions, the one from bytes through {@link #read}. */
	GenericConversionService conversionService() {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, this::read);
		return conversions;
	}

	/** The attribute these bytes hold, a new object each call. */
	Object read(byte[] bytes) {
		Bytes key = new Bytes(bytes);
		UsernamePasswordAuthenticationToken known = kept.get(key);
		if (known != null) {
			return new SecurityContextImpl(copy(known));
		}
		Object value = deserializer.convert(bytes);
		if (value instanceof SecurityContextImpl context && keepable(context.getAuthentication())) {
			if (kept.size() >= KEPT) {
				kept.clear();
			}
			// Kept apart from what this request gets, so that nothing done to either
			// reaches the other.
			kept.put(key, copy((UsernamePasswordAuthenticationToken) context.getAuthentication()));
		}
		return value;
	}

	int kept() {
		return kept.size();
	}

	private static boolean keepable(@Nullable Authentication authentication) {
		return authentication != null && authentication.getClass() == UsernamePasswordAuthenticationToken.class
				&& authentication.isAuthenticated() && authentication.getPrincipal() instanceof SignedInAccount
				&& (authentication.getDetails() == null
						|| authentication.getDetails().getClass() == WebAuthenticationDetails.class);
	}

	private static UsernamePasswordAuthenticationToken copy(UsernamePasswordAuthenticationToken token) {
		UsernamePasswordAuthenticationToken copy = UsernamePasswordAuthenticationToken
			.authenticated(token.getPrincipal(), token.getCredentials(), token.getAuthorities());
		copy.setDetails(token.getDetails());
		return copy;
	}

	/** A session row's bytes as a key: equal only if every byte is. */
	private static final class Bytes {

		private final byte[] bytes;

		private final int hash;

		Bytes(byte[] bytes) {
			this.bytes = bytes;
			this.hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Bytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
		}

		@Override
		public int hashCode() {
			return hash;
		}

	}

}
