package care.seamless.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.training.Training;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's joint training, recorded by the council's team manager through the training
 * module's API: five courses, sessions across the partners (most joint), and attendance
 * so that coverage shows real figures. sam.jones's information-governance training runs
 * out within a month (it is in Sam's and mark.evans's worklists); dr.morgan has none, so
 * his emergency-access form shows the warning.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoTraining {

	private final Directory directory;

	private final Training training;

	DemoTraining(Directory directory, Training training) {
		this.directory = directory;
		this.training = training;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Actor manager = actor("mark.evans");
		LocalDate today = LocalDate.now();
		UUID ig = training.addCourse(manager, "INFORMATION_GOVERNANCE", "Information governance and data security",
				"24");
		UUID safeguarding = training.addCourse(manager, "SAFEGUARDING", "Safeguarding adults level 2", "36");
		UUID capacity = training.addCourse(manager, "MENTAL_CAPACITY", "Mental Capacity Act in practice", "36");
		UUID single = training.addCourse(manager, "SINGLE_ASSESSMENT", "The single shared assessment", "36");
		UUID language = training.addCourse(manager, "COMMON_LANGUAGE", "Our common language", "60");
		session(manager, ig, today.minusMonths(23), "Riverside Civic Centre, room 2",
				"Council information governance lead", List.of("sam.jones", "nina.patel", "dr.khan"),
				List.of("priya.shah"));
		session(manager, ig, today.minusMonths(2), "Riverside Community Health, Hill House",
				"Trust information governance manager",
				List.of("mark.evans", "grace.okafor", "lucy.brown", "fiona.reid"), List.of());
		session(manager, safeguarding, today.minusMonths(6), "Hill House", "Trust safeguarding lead",
				List.of("nina.patel", "tom.hughes", "owen.price", "hannah.lee"), List.of());
		session(manager, capacity, today.minusMonths(3), "Northgate Mental Health, Beech Unit", "Dr Daniel Wood",
				List.of("sam.jones", "lucy.brown", "dr.wood", "ruth.adams"), List.of());
		session(manager, single, today.minusMonths(1), "Riverside Civic Centre, room 2", "Mark Evans",
				List.of("sam.jones", "priya.shah", "nina.patel", "owen.price", "ben.taylor"), List.of());
		training.recordSession(manager, language.toString(), today.plusDays(20).toString(), "Riverside Age Well hall",
				"Joy Wilson");
	}

	private void session(Actor manager, UUID course, LocalDate heldOn, String place, String trainer,
			List<String> completed, List<String> attended) {
		UUID id = training.recordSession(manager, course.toString(), heldOn.toString(), place, trainer);
		Map<String, String> marks = new LinkedHashMap<>();
		completed.forEach((u) -> marks.put(practitioner(u), "COMPLETED"));
		attended.forEach((u) -> marks.put(practitioner(u), "ATTENDED"));
		training.recordAttendance(manager, id, 0, marks);
	}

	private String practitioner(String username) {
		return directory.accountForSignIn(username).orElseThrow().practitionerId().id().toString();
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

}
