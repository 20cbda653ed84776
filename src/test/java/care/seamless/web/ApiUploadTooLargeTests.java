package care.seamless.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload found too large only once a handler reads it gets the same stable code and
 * words as one the upload filter refuses ({@code UploadLimitTests}).
 */
class ApiUploadTooLargeTests {

	@Test
	void anOverLimitUploadReachingTheApiHandlerHasItsOwnCode() {
		ProblemDetail problem = new ApiErrorHandling().tooLarge(new MaxUploadSizeExceededException(10L * 1024 * 1024));

		assertThat(problem.getStatus()).isEqualTo(413);
		assertThat(problem.getProperties()).containsEntry("code", "UPLOAD_TOO_LARGE");
		assertThat(problem.getType()).hasToString("urn:seamless:problem:upload-too-large");
		assertThat(problem.getDetail()).isEqualTo("The file must be smaller than 10 MB");
	}

}
