package care.seamless.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one practitioner's requests are about, found through the server as that
 * practitioner before the clock starts: the people on their caseload page (as
 * bench/lib.sh finds them), and from those, through the JSON API, their details, their
 * assessments and plans, or the FHIR Patients they may read.
 *
 * @param people people with the details a search or a match needs (view needs only ids)
 * @param paths the paths to request, in turn
 */
record Targets(List<Person> people, List<String> paths) {

	/** At most this many people per practitioner: enough to spread the reads. */
	static final int MOST = 100;

	private static final Pattern PERSON_LINK = Pattern.compile("/people/([0-9a-f]{8}-[0-9a-f-]{27})");

	private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern FHIR_PATIENT = Pattern.compile("\"fullUrl\"\\s*:\\s*\"[^\"]*/Patient/([^\"/]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A person of the caseload as the record summary shows them. */
	record Person(String id, String givenName, String familyName, String dateOfBirth, String sex, String postcode) {
	}

	boolean isEmpty() {
		return people.isEmpty() && paths.isEmpty();
	}

	int size() {
		return Math.max(people.size(), paths.size());
	}

	static Targets find(BenchClient client, Workload.Needs needs) throws IOException, InterruptedException {
		List<Person> people = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		switch (needs) {
			case NOTHING -> {
			}
			case PEOPLE -> caseload(client).forEach(id -> paths.add("/api/v1/people/" + id));
			case DETAILS -> {
				for (String id : caseload(client)) {
					HttpResponse<String> record = client.send(client.getJson("/api/v1/people/" + id));
					if (record.statusCode() == 200) {
						JsonNode details = JSON.readTree(record.body()).path("details");
						Person person = new Person(id, text(details, "givenName"), text(details, "familyName"),
								text(details, "dateOfBirth"), text(details, "sex"), text(details, "postcode"));
						if (!person.familyName().isEmpty() && !person.dateOfBirth().isEmpty()) {
							people.add(person);
						}
					}
				}
			}
			case ASSESSMENTS -> {
				for (String id : caseload(client)) {
					String list = "/api/v1/people/" + id + "/assessments";
					HttpResponse<String> episodes = client.send(client.getJson(list));
					Matcher episode = FIRST_ID.matcher(episodes.body());
					if (episodes.statusCode() == 200 && episode.find()) {
						paths.add(list + "/" + episode.group(1) + "/findings");
					}
				}
			}
			case PLANS -> {
				for (String id : caseload(client)) {
					String plan = "/api/v1/people/" + id + "/care-plan";
					if (client.send(client.getJson(plan)).statusCode() == 200) {
						paths.add(plan);
					}
				}
			}
			case FHIR_PATIENTS -> {
				HttpResponse<String> bundle = client.send(client.fhirGet("/fhir/Patient?_count=" + MOST));
				Matcher patient = FHIR_PATIENT.matcher(bundle.body());
				while (patient.find()) {
					paths.add("/fhir/Patient/" + patient.group(1));
				}
			}
		}
		return new Targets(List.copyOf(people), List.copyOf(paths));
	}

	/** The ids of the people linked from the signed-in practitioner's home page. */
	static List<String> caseload(BenchClient client) throws IOException, InterruptedException {
		return peopleLinkedFrom(client.send(client.get("/")).body());
	}

	static List<String> peopleLinkedFrom(String page) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher link = PERSON_LINK.matcher(page);
		while (link.find() && ids.size() < MOST) {
			ids.add(link.group(1));
		}
		return List.copyOf(ids);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNull() || value.isMissingNode() ? "" : value.asString();
	}

}
