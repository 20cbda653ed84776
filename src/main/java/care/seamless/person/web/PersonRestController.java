package care.seamless.person.web;

import care.seamless.person.EntryPage;
import care.seamless.person.People;
import care.seamless.person.PersonRecord;
import care.seamless.person.SearchResults;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "Find people and read the shared record")
class PersonRestController {

	private final People people;

	PersonRestController(People people) {
		this.people = people;
	}

	@GetMapping
	@Operation(summary = "Search by name, NHS number or date of birth",
			description = "Returns minimal demographics only, at most 'limit' people ('more' is true when others matched: narrow the search); inCareTeam says whether the caller may open the record. People outside the caller's care teams are found only by an NHS number, or a date of birth with a name part of two letters or more ('outsideCareTeams' says whether they were looked for). A query with no NHS number, no date of birth and no name part of two letters is refused: 400 problem+json naming the field 'q'.")
	SearchResults search(Actor actor, @RequestParam("q") String query) {
		return people.search(actor, query);
	}

	@GetMapping("/{id}")
	@Operation(summary = "The record summary of one person",
			description = "Details, identifiers, people around them and the care team, each withheld with a notice where the policy says so; 'entries' is null here, read them from /entries. 403 with a problem+json body naming the reason when the caller has no legitimate relationship.")
	PersonRecord record(Actor actor, @PathVariable PersonId id) {
		return people.summary(actor, id);
	}

	@GetMapping("/{id}/entries")
	@Operation(summary = "Recorded information about the person, one page at a time",
			description = "Only what the caller may see; total counts only that. Withheld information is named in 'withheld' notices (reason and organisation), never counted.")
	EntryPage entries(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "1") int page) {
		return people.entries(actor, id, page);
	}

}
