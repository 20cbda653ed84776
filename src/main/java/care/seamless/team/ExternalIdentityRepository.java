package care.seamless.team;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExternalIdentityRepository {

	private static final String SQL_ACCOUNT_FOR = """
			select account_id from team.external_identity where provider = :provider and subject = :subject
			""";

	// One identity per provider and account: linking again replaces the account's old
	// subject at that provider.
	private static final String SQL_LINK = """
			insert into team.external_identity (provider, subject, account_id) values (:provider, :subject, :accountId)
			on conflict (account_id, provider) do update set subject = excluded.subject, created_at = now()
			""";

	private static final String SQL_SUBJECT_TAKEN = """
			select count(*) from team.external_identity
			where provider = :provider and subject = :subject and account_id <> :accountId
			""";

	private static final String SQL_UNLINK = """
			delete from team.external_identity where provider = :provider and account_id = :accountId
			""";

	private static final String SQL_IDENTITIES_OF = """
			select provider, subject from team.external_identity where account_id = :accountId order by provider
			""";

	private final JdbcClient jdbc;

	ExternalIdentityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccountId> accountFor(String provider, String subject) {
		return jdbc.sql(SQL_ACCOUNT_FOR)
			.param("provider", provider)
			.param("subject", subject)
			.query((rs, n) -> new AccountId(rs.getObject("account_id", UUID.class)))
			.optional();
	}

	boolean subjectTaken(String provider, String subject, AccountId account) {
		return jdbc.sql(SQL_SUBJECT_TAKEN)
			.param("provider", provider)
			.param("subject", subject)
			.param("accountId", account.id())
			.query(Integer.class)
			.single() > 0;
	}

	void link(String provider, String subject, AccountId account) {
		jdbc.sql(SQL_LINK)
			.param("provider", provider)
			.param("subject", subject)
			.param("accountId", account.id())
			.update();
	}

	Map<String, String> identitiesOf(AccountId account) {
		Map<String, String> identities = new LinkedHashMap<>();
		jdbc.sql(SQL_IDENTITIES_OF).param("accountId", account.id()).query(rs -> {
			identities.put(rs.getString("provider"), rs.getString("subject"));
		});
		return identities;
	}

	int unlink(String provider, AccountId account) {
		return jdbc.sql(SQL_UNLINK).param("provider", provider).param("accountId", account.id()).update();
	}

}
