package care.seamless.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

/**
 * How many staff of each organisation and each team hold a current completion of each
 * topic, and how many of those completed it at a joint session (attended by staff of more
 * than one organisation). Staff are counted where they work now; a completion is current
 * on every day before it expires.
 */
public record Coverage(List<Row> organisations, List<Row> teams, int sessions, int jointSessions) {

	public Coverage {
		organisations = List.copyOf(organisations);
		teams = List.copyOf(teams);
	}

	/** One organisation or team: its staff, and per topic how many are trained. */
	public record Row(String name, int staff, Map<Topic, Figure> topics) {

		public Row {
			topics = Map.copyOf(topics);
		}

		public Figure figure(Topic topic) {
			return topics.getOrDefault(topic, new Figure(0, 0));
		}

	}

	/** Staff with a current completion, and how many of them completed it jointly. */
	public record Figure(int trained, int together) {
	}

	/** A member of staff as the directory has them today. */
	public record Staff(PractitionerId id, OrganisationId organisation, String organisationName, Set<TeamId> teams) {
	}

	/** A completed attendance. */
	public record Completion(PractitionerId practitioner, UUID session, Topic topic, LocalDate expiresOn) {
	}

	/**
	 * Works out coverage on {@code today}: {@code joint} holds the sessions with
	 * attendees from more than one organisation, {@code sessions} how many were held in
	 * all.
	 */
	public static Coverage of(Collection<Staff> staff, Map<TeamId, String> teamNames,
			Collection<Completion> completions, Set<UUID> joint, int sessions, LocalDate today) {
		Map<PractitionerId, Map<Topic, Boolean>> current = new LinkedHashMap<>();
		for (Completion c : completions) {
			if (c.expiresOn().isAfter(today)) {
				current.computeIfAbsent(c.practitioner(), (p) -> new EnumMap<>(Topic.class))
					.merge(c.topic(), joint.contains(c.session()), Boolean::logicalOr);
			}
		}
		Map<String, List<Staff>> byOrganisation = new LinkedHashMap<>();
		Map<String, List<Staff>> byTeam = new LinkedHashMap<>();
		for (Staff s : staff) {
			byOrganisation.computeIfAbsent(s.organisationName(), (n) -> new ArrayList<>()).add(s);
			for (TeamId team : s.teams()) {
				String name = teamNames.get(team);
				if (name != null) {
					byTeam.computeIfAbsent(name, (n) -> new ArrayList<>()).add(s);
				}
			}
		}
		return new Coverage(rows(byOrganisation, current), rows(byTeam, current), sessions, joint.size());
	}

	private static List<Row> rows(Map<String, List<Staff>> groups, Map<PractitionerId, Map<Topic, Boolean>> current) {
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, List<Staff>> group : groups.entrySet()) {
			Map<Topic, Figure> topics = new EnumMap<>(Topic.class);
			for (Topic topic : Topic.values()) {
				int trained = 0;
				int together = 0;
				for (Staff s : group.getValue()) {
					Boolean jointly = current.getOrDefault(s.id(), Map.of()).get(topic);
					if (jointly != null) {
						trained++;
						together += jointly ? 1 : 0;
					}
				}
				topics.put(topic, new Figure(trained, together));
			}
			rows.add(new Row(group.getKey(), group.getValue().size(), topics));
		}
		rows.sort(Comparator.comparing(Row::name));
		return rows;
	}

}
