package care.seamless.door;

import java.util.Optional;

import care.seamless.shared.AccountId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up person-side accounts for signing in and for each request's standing. */
@Service
public class PersonAccounts {

	private final DoorRepository repository;

	PersonAccounts(DoorRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	public Optional<PersonAccount> forSignIn(String username) {
		return repository.account(username);
	}

	@Transactional(readOnly = true)
	public Optional<PersonAccount> current(AccountId id) {
		return repository.account(id);
	}

}
