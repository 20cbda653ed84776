package care.seamless.fhir;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A FHIR response sent when it is complete (or when the container's buffer fills), not
 * piece by piece. HAPI's JSON encoder writes each string value through Jackson's
 * {@code ObjectMapper.writeValue}, which flushes after every value; passed on, each flush
 * sent the response so far to the socket, about 30 chunks and as many writes for one
 * Patient. Here a flush is not passed on: what was written stays in the container's
 * buffer, a response that fits it goes out once with its length, a larger one in
 * buffer-sized chunks, and closing the writer ends the response as before. The bytes of
 * the body and the headers are the same (docs/benchmarks.md, "Session 18, fhirsearch2").
 */
final class WholeResponse extends HttpServletResponseWrapper {

	private @Nullable PrintWriter writer;

	private @Nullable ServletOutputStream stream;

	WholeResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (writer == null) {
			writer = new PrintWriter(super.getWriter(), false) {
				@Override
				public void flush() {
					// Sent when closed, or when the container's buffer is full.
				}
			};
		}
		return writer;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (stream == null) {
			stream = new Unflushed(super.getOutputStream());
		}
		return stream;
	}

	/**
	 * The container's stream with flushes held back (HAPI's gzip answers and binaries).
	 */
	private static final class Unflushed extends ServletOutputStream {

		private final ServletOutputStream out;

		Unflushed(ServletOutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void flush() {
			// Sent when closed, or when the container's buffer is full.
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

		@Override
		public boolean isReady() {
			return out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			out.setWriteListener(listener);
		}

	}

}
