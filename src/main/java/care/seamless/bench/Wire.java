package care.seamless.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's keep-alive HTTP/1.1 connection for the measured requests, written and read
 * by hand on the client's own thread.
 * <p>
 * The client shares the server's two cores, so what it spends per request is taken from
 * the server: Java's {@code HttpClient} cost about a fifth of a record read's CPU (a
 * selector thread, futures and a hand-over per request; docs/benchmarks.md, session 11,
 * benchcost). This writes the request's bytes, reads the status line and headers, and
 * reads the body to its end (kept only when asked), as wrk does. A connection the server
 * closes (Tomcat closes one after 100 requests) is opened again on the next request, as
 * any client's is.
 */
final class Wire implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 60_000;

	private final String host;

	private final int port;

	private final byte[] scratch = new byte[16 * 1024];

	private final StringBuilder line = new StringBuilder(128);

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	Wire(URI base) {
		this.host = base.getHost();
		this.port = base.getPort() == -1 ? 80 : base.getPort();
		if (!"http".equals(base.getScheme())) {
			throw new IllegalArgumentException("bench speaks plain HTTP only: " + base);
		}
	}

	/**
	 * The answer: status, Location and Set-Cookie headers, and the body if it was kept.
	 */
	record Answer(int status, String location, String setCookie, String body) {
	}

	/**
	 * Sends one request (head ending in an empty line, then the body if any) and reads
	 * the whole answer.
	 */
	Answer exchange(byte[] head, byte[] body, boolean keepBody) throws IOException {
		if (socket == null) {
			open();
		}
		try {
			out.write(head);
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return read(keepBody);
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private void open() throws IOException {
		Socket opened = new Socket();
		opened.setTcpNoDelay(true);
		opened.setSoTimeout(TIMEOUT_MILLIS);
		opened.connect(new InetSocketAddress(host, port), 10_000);
		socket = opened;
		in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
		out = opened.getOutputStream();
	}

	private Answer read(boolean keepBody) throws IOException {
		String statusLine = readLine();
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
			throw new ProtocolException("Not an HTTP/1.1 status line: " + statusLine);
		}
		int status = Integer.parseInt(statusLine, 9, 12, 10);
		long length = -1;
		boolean chunked = false;
		boolean closing = statusLine.startsWith("HTTP/1.0");
		String location = null;
		String setCookie = null;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closing = value.equalsIgnoreCase("close");
				case "location" -> location = value;
				case "set-cookie" -> setCookie = value;
				default -> {
				}
			}
		}
		ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
		if (chunked) {
			for (long size = chunkSize(); size > 0; size = chunkSize()) {
				skip(size, kept);
				readLine();
			}
			// Trailers, up to the empty line.
			while (!readLine().isEmpty()) {
				// nothing kept from trailers
			}
		}
		else if (length >= 0) {
			skip(length, kept);
		}
		else if (status / 100 != 1 && status != 204 && status != 304) {
			// No length: the body runs to the end of the connection.
			skip(Long.MAX_VALUE, kept);
			closing = true;
		}
		if (closing) {
			close();
		}
		return new Answer(status, location, setCookie, kept == null ? null : kept.toString(StandardCharsets.UTF_8));
	}

	private long chunkSize() throws IOException {
		String size = readLine();
		int extension = size.indexOf(';');
		return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
	}

	private void skip(long bytes, ByteArrayOutputStream kept) throws IOException {
		long left = bytes;
		while (left > 0) {
			int read = in.read(scratch, 0, (int) Math.min(scratch.length, left));
			if (read < 0) {
				if (bytes == Long.MAX_VALUE) {
					return;
				}
				throw new EOFException("The answer ended " + left + " bytes early");
			}
			if (kept != null) {
				kept.write(scratch, 0, read);
			}
			left -= read;
		}
	}

	/** A header line (ISO-8859-1, as HTTP's headers are), without its CRLF. */
	private String readLine() throws IOException {
		line.setLength(0);
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("The server closed the connection");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closing a connection that failed: nothing left to do with it.
			}
			socket = null;
		}
	}

}
