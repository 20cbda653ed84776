package care.seamless.team;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void aShortPasswordIsRefused() {
		assertThat(PasswordPolicy.problem("short-pass", "ann")).contains("at least 12");
	}

	@Test
	void aPasswordContainingTheUsernameIsRefused() {
		assertThat(PasswordPolicy.problem("xx-Ann.Smith-2025", "ann.smith")).contains("username");
	}

	@Test
	void aCommonPasswordIsRefusedWhateverItsCase() {
		assertThat(PasswordPolicy.problem("PASSWORD1234", "ann")).contains("too easy");
		assertThat(PasswordPolicy.problem("Qwertyuiop123", "ann")).contains("too easy");
		assertThat(PasswordPolicy.problem("aaaaaaaaaaaaaaaa", "ann")).contains("too easy");
	}

	@Test
	void aLongUncommonPhraseIsAccepted() {
		assertThat(PasswordPolicy.problem("kettle-meadow-lantern", "ann")).isNull();
	}

}
