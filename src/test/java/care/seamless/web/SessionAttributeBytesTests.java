package care.seamless.web;

import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.Role;
import care.seamless.team.Account;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's security context kept by its bytes (ADR 81): what a request gets equals
 * what deserialising the same bytes gives, is its own to change, and only the very same
 * bytes find it. That the session row and the account's standing are still read on every
 * request, so that a signed-out, idle or disabled session is refused on the next one, is
 * {@code BasicSignInTests}' over real HTTP. Plain JUnit: no context, under a second.
 */
class SessionAttributeBytesTests {

	private final SessionAttributeBytes attributes = new SessionAttributeBytes(getClass().getClassLoader());

	private final ConversionService conversions = attributes.conversionService();

	@Test
	void aSignedInContextIsReadAsDeserialisingWouldButEachRequestGetsItsOwn() {
		byte[] bytes = bytes(signedIn("nurse.one", 7));
		SecurityContext first = read(bytes);
		SecurityContext second = read(bytes);
		assertThat(attributes.kept()).isOne();

		for (SecurityContext context : new SecurityContext[] { first, second }) {
			assertThat(context).isInstanceOf(SecurityContextImpl.class);
			assertThat(context.getAuthentication()).isInstanceOf(UsernamePasswordAuthenticationToken.class);
			assertThat(context.getAuthentication().isAuthenticated()).isTrue();
			SignedInUser user = (SignedInUser) context.getAuthentication().getPrincipal();
			assertThat(user.getUsername()).isEqualTo("nurse.one");
			assertThat(user.sessionEpoch()).isEqualTo(7);
			assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
				.containsExactly("ROLE_PRACTITIONER");
		}
		assertThat(second).isNotSameAs(first);
		assertThat(second.getAuthentication()).isNotSameAs(first.getAuthentication());

		// A sign-out clears its own request's context, never the one kept.
		second.setAuthentication(null);
		assertThat(read(bytes).getAuthentication()).isNotNull();
		((UsernamePasswordAuthenticationToken) read(bytes).getAuthentication()).setDetails("changed by one request");
		assertThat(read(bytes).getAuthentication().getDetails()).isNull();
	}

	@Test
	void onlyTheSameBytesFindAKeptContext() {
		byte[] epochSeven = bytes(signedIn("nurse.one", 7));
		byte[] epochEight = bytes(signedIn("nurse.one", 8));
		read(epochSeven);
		assertThat(((SignedInUser) read(epochEight).getAuthentication().getPrincipal()).sessionEpoch()).isEqualTo(8);
		assertThat(((SignedInUser) read(epochSeven).getAuthentication().getPrincipal()).sessionEpoch()).isEqualTo(7);
		assertThat(attributes.kept()).isEqualTo(2);
	}

	@Test
	void anythingElseIsDeserialisedEveryTime() {
		byte[] anonymous = bytes(new SecurityContextImpl(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
		assertThat(read(anonymous).getAuthentication()).isInstanceOf(AnonymousAuthenticationToken.class);
		byte[] text = bytes("/people/123");
		assertThat(conversions.convert(text, Object.class)).isEqualTo("/people/123");
		assertThat(conversions.convert(text, Object.class)).isEqualTo("/people/123");
		assertThat(attributes.kept()).isZero();
	}

	private SecurityContext read(byte[] bytes) {
		return (SecurityContext) conversions.convert(bytes, Object.class);
	}

	private static byte[] bytes(Object value) {
		return new SerializingConverter().convert(value);
	}

	private static SecurityContext signedIn(String username, long epoch) {
		SignedInUser user = new SignedInUser(new Account(AccountId.random(), username, "$2a$10$stored-hash", true,
				Set.of(Role.PRACTITIONER), null, null, null, null, null, epoch, false));
		return new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
