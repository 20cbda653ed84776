package care.seamless.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every form and API route, found from the controllers' own mappings, driven with hostile
 * values as each kind of user: no request may get a server error, and a request refused
 * as bad input may change no domain table (see {@link TableCounts} for why the audit log
 * is left out). A fixed seed makes a failure repeatable; 10,000 requests took 31 s on an
 * idle 2-core machine and about 400 s with the machine's load average at 15.
 */
@SeamlessTest
class InputFuzzTests {

	private static final long SEED = 20261205L;

	/**
	 * 4,000 in the suite, to keep it inside its time budget; run the longer sweep with
	 * {@code -Dseamless.fuzz.requests=10000} (see docs/operations.md).
	 */
	private static final int REQUESTS = Integer.getInteger("seamless.fuzz.requests", 4_000);

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

	private static final Set<Integer> REFUSED = Set.of(400, 413, 415);

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	DataSource dataSource;

	private Random random;

	private final List<String> knownIds = new ArrayList<>();

	record Route(HttpMethod method, String pattern, HandlerMethod handler) {
	}

	private static final String FUZZ_ADDRESS = "198.51.100.77";

	@Test
	void noHostileInputGetsAServerErrorOrSavesAnything() throws Exception {
		random = new Random(SEED);
		List<UserDetails> users = users();
		List<Route> routes = routes();
		assertThat(routes).hasSizeGreaterThan(50);
		TableCounts counts = new TableCounts(dataSource);
		List<String> failures = new ArrayList<>();
		Map<String, Long> before = counts.read();
		int refused = 0;
		for (int i = 0; i < REQUESTS; i++) {
			Route route = routes.get(i % routes.size());
			UserDetails user = users.get(random.nextInt(users.size()));
			MockHttpServletResponse response;
			String description = route.method() + " " + route.pattern();
			try {
				// From an address of its own: hostile sign-in attempts slow down and lock
				// the client address, and later tests sign in from the usual one.
				MvcResult result = mvc.perform(request(route).with(user(user)).with(csrf()).with(request -> {
					request.setRemoteAddr(FUZZ_ADDRESS);
					return request;
				})).andReturn();
				response = result.getResponse();
				if (response.getStatus() >= 500) {
					failures.add(description + " -> " + response.getStatus() + " "
							+ (result.getResolvedException() == null ? "" : result.getResolvedException()));
				}
			}
			catch (Exception ex) {
				failures.add(description + " -> threw " + rootCause(ex));
				before = counts.read();
				continue;
			}
			Map<String, Long> after = counts.read();
			if (REFUSED.contains(response.getStatus())) {
				refused++;
				List<String> changed = TableCounts.changed(before, after);
				if (!changed.isEmpty()) {
					failures.add(description + " -> refused with " + response.getStatus() + " but changed " + changed);
				}
			}
			before = after;
		}
		assertThat(refused).as("hostile input is refused somewhere").isGreaterThan(REQUESTS / 10);
		// Requests that were accepted saved things, so the snapshot must have moved and
		// the tables been counted again (1,642 times in 10,000 when this was written).
		assertThat(counts.taken).as("tables counted again after a change").isGreaterThan(REQUESTS / 100);
		assertThat(failures.stream().distinct().limit(40).toList()).isEmpty();
	}

	private List<UserDetails> users() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		List<UserDetails> users = new ArrayList<>();
		for (Role role : Role.values()) {
			Fixtures.Staff staff = fixtures.practitioner(council, Profession.SOCIAL_WORKER, role, Role.PRACTITIONER);
			PersonId person = fixtures.person(Fixtures.unique("Fuzz"), staff);
			knownIds.add(person.toString());
			knownIds.add(staff.teamId().toString());
			knownIds.add(staff.practitionerId().toString());
			knownIds.add(council.toString());
			users.add(accounts.loadUserByUsername(staff.username()));
		}
		return users;
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("care.seamless")
					|| entry.getKey().getPathPatternsCondition() == null) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add(new Route(HttpMethod.GET, pattern, handler));
				}
				for (RequestMethod method : methods) {
					routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, handler));
				}
			}
		}
		routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
		return routes;
	}

	private AbstractMockHttpServletRequestBuilder<?> request(Route route) throws Exception {
		String uri = uri(route.pattern());
		List<MethodParameter> files = new ArrayList<>();
		Map<String, String> params = new LinkedHashMap<>();
		Object body = null;
		for (MethodParameter parameter : route.handler().getMethodParameters()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(PathVariable.class) || skipped(type)
					|| parameter.hasParameterAnnotation(RequestHeader.class)) {
				continue;
			}
			if (MultipartFile.class.isAssignableFrom(type)) {
				files.add(parameter);
			}
			else if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = json(type);
			}
			else if (parameter.hasParameterAnnotation(RequestParam.class) || BeanUtils.isSimpleValueType(type)) {
				params.put(paramName(parameter), value(type));
			}
			else {
				for (Map.Entry<String, Class<?>> property : properties(type).entrySet()) {
					if (random.nextInt(6) > 0) {
						params.put(property.getKey(), value(property.getValue()));
					}
				}
			}
		}
		AbstractMockHttpServletRequestBuilder<?> builder;
		if (!files.isEmpty()) {
			MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(route.method(), uri);
			for (MethodParameter file : files) {
				multipart.file(new MockMultipartFile(paramName(file), "upload.csv", "text/csv", fileContent()));
			}
			builder = multipart;
		}
		else {
			builder = MockMvcRequestBuilders.request(route.method(), uri);
		}
		params.forEach(builder::param);
		if (body != null) {
			builder.contentType(MediaType.APPLICATION_JSON).content(body.toString());
		}
		if (random.nextInt(5) == 0) {
			builder.header("HX-Request", "true");
		}
		return builder;
	}

	private static boolean skipped(Class<?> type) {
		return Actor.class.equals(type) || Model.class.isAssignableFrom(type)
				|| BindingResult.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
				|| RedirectAttributes.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.servlet")
				|| type.getName().startsWith("org.springframework") || type.getName().startsWith("java.security")
				|| type.getName().startsWith("java.util.Locale");
	}

	private static String paramName(MethodParameter parameter) {
		RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
		if (annotation != null && !annotation.name().isEmpty()) {
			return annotation.name();
		}
		if (annotation != null && !annotation.value().isEmpty()) {
			return annotation.value();
		}
		String name = parameter.getParameterName();
		return name == null ? "value" : name;
	}

	private static Map<String, Class<?>> properties(Class<?> type) {
		Map<String, Class<?>> properties = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				properties.put(component.getName(), component.getType());
			}
			return properties;
		}
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					properties.put(field.getName(), field.getType());
				}
			}
		}
		return properties;
	}

	private String uri(String pattern) {
		Matcher matcher = PATH_VARIABLE.matcher(pattern);
		StringBuilder uri = new StringBuilder();
		while (matcher.find()) {
			String value = switch (random.nextInt(4)) {
				case 0 -> knownIds.get(random.nextInt(knownIds.size()));
				case 1 -> UUID.randomUUID().toString();
				default -> hostile();
			};
			matcher.appendReplacement(uri, Matcher
				.quoteReplacement(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
		}
		matcher.appendTail(uri);
		return uri.toString();
	}

	private String value(Class<?> type) {
		if (type.isEnum() && random.nextBoolean()) {
			Object[] constants = type.getEnumConstants();
			return constants[random.nextInt(constants.length)].toString();
		}
		return switch (random.nextInt(8)) {
			case 0 -> knownIds.get(random.nextInt(knownIds.size()));
			case 1 -> String.valueOf(random.nextInt(3));
			case 2 -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
			default -> hostile();
		};
	}

	private String hostile() {
		return switch (random.nextInt(22)) {
			case 0 -> "\u0000";
			case 1 -> "Mary\u0000Smith";
			case 2 -> "x".repeat(25_000);
			case 3 -> "é".repeat(3_000);
			case 4 -> "Zoë 🙂 \u202Eevil\u202C 漢字";
			case 5 -> "-1";
			case 6 -> "99999999999999999999999";
			case 7 -> "NaN";
			case 8 -> "2026-13-45";
			case 9 -> "31/02/2026";
			case 10 -> "not-a-uuid";
			case 11 -> "";
			case 12 -> " ";
			case 13 -> "<script>alert(1)</script>";
			case 14 -> "' or 1=1 --";
			case 15 -> "UNKNOWN_VALUE";
			case 16 -> "1e309";
			case 17 -> "\u0007bell\u001b[31m";
			case 18 -> "9".repeat(40);
			case 19 -> "true";
			case 20 -> "../../etc/passwd";
			default -> "-2147483649";
		};
	}

	private Object json(Class<?> type) {
		if (random.nextInt(10) == 0) {
			return random.nextBoolean() ? "{not json" : "[]";
		}
		StringBuilder json = new StringBuilder("{");
		for (Map.Entry<String, Class<?>> property : properties(type).entrySet()) {
			if (random.nextInt(6) == 0) {
				continue;
			}
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(property.getKey()).append("\":").append(jsonValue(property.getValue()));
		}
		return json.append('}');
	}

	private String jsonValue(Class<?> type) {
		return switch (random.nextInt(6)) {
			case 0 -> "null";
			case 1 -> String.valueOf(random.nextInt(1000) - 500);
			case 2 -> "[\"a\",1]";
			case 3 -> "{\"x\":1}";
			default -> quote(value(type));
		};
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private byte[] fileContent() {
		return switch (random.nextInt(5)) {
			case 0 -> "a,b\n1,\u00002\n".getBytes(StandardCharsets.UTF_8);
			case 1 -> ("given_name,family_name\n" + "x".repeat(1_500_000)).getBytes(StandardCharsets.UTF_8);
			case 2 -> new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0, 1 };
			case 3 -> "{\"id\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
			default -> hostile().getBytes(StandardCharsets.UTF_8);
		};
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": "
				+ String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
	}

	/**
	 * The exact row count of every domain table. The audit schema is left out on purpose:
	 * refusing bad input may rightly record who tried to read or change what (a refused
	 * form re-renders its page, and that page's read of the record is audited like any
	 * other), so an audit entry is the record of a refusal, not half of a change. The
	 * notification schema is left out too: notices are written only by event listeners
	 * and the escalation job, each in its own transaction after another request's change
	 * committed, so they may land while a later request is refused; a refused request's
	 * own event would show as a row in {@code event_publication}, which is compared.
	 * Every other table must be exactly as before.
	 * <p>
	 * Counting every table after each of 10,000 requests was most of this test's time, so
	 * the counts are taken again only when the database may have changed: a snapshot
	 * ({@code pg_current_snapshot()}) names every transaction that has finished, and one
	 * that is the same as when the tables were last counted means no transaction has
	 * committed or rolled back since, so every table holds exactly the rows it held then
	 * (a stronger sameness than equal counts). Snapshots only move forward, so an equal
	 * one cannot be a coincidence. The counting query is prepared once per connection, as
	 * planning its 60-odd sub-queries took longer than running them.
	 */
	static final class TableCounts {

		private final DataSource dataSource;

		private final String sql;

		private String countedAt;

		private Map<String, Long> counts;

		int taken;

		TableCounts(DataSource dataSource) {
			this.dataSource = dataSource;
			List<String> tables = JdbcClient.create(dataSource).sql("""
					select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
					where table_type = 'BASE TABLE'
					and table_schema not in ('pg_catalog', 'information_schema', 'audit', 'notification')
					order by 1""").query(String.class).list();
			this.sql = String.join(" union all ", tables.stream()
				.map(table -> "select '" + table + "' as name, (select count(*) from " + table + ") as row_count")
				.toList());
		}

		Map<String, Long> read() throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				// Read before counting: whatever commits in between makes the next
				// snapshot differ from this one, so it is counted then.
				String snapshot = single(connection, "select pg_current_snapshot()::text");
				if (!snapshot.equals(countedAt)) {
					Map<String, Long> fresh = new TreeMap<>();
					try (PreparedStatement statement = connection.prepareStatement(sql);
							ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							fresh.put(rows.getString(1), rows.getLong(2));
						}
					}
					counts = fresh;
					countedAt = snapshot;
					taken++;
				}
				return counts;
			}
		}

		private static String single(Connection connection, String query) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(query);
					ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}

		static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
			return after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).toList();
		}

	}

}
