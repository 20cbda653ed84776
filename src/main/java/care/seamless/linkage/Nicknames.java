package care.seamless.linkage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common English given names and their usual short forms ("bob" for "robert", "peggy" for
 * "margaret"), which no string measure relates. A short form shared by two names ("alex"
 * for "alexander" and "alexandra") belongs to both.
 */
final class Nicknames {

	private static final List<String> GROUPS = List.of("robert rob bob bobby robbie bert",
			"william will bill billy willie liam", "richard rick ricky dick rich richie", "james jim jimmy jamie",
			"john jack johnny jon", "thomas tom tommy", "michael mike mick mickey", "edward ed eddie ted ned",
			"charles charlie chas chuck", "anthony tony ant", "christopher chris kit", "daniel dan danny",
			"david dave davy", "joseph joe joey", "matthew matt", "nicholas nick nicky", "samuel sam sammy",
			"stephen steve stevie", "steven steve stevie", "andrew andy drew", "benjamin ben benny", "henry harry hal",
			"frederick fred freddie", "alfred alf alfie", "alexander alex alec sandy", "peter pete",
			"patrick pat paddy", "timothy tim timmy", "kenneth ken kenny", "ronald ron ronnie", "donald don donny",
			"leonard len lenny leo", "lawrence larry laurie", "gerald gerry", "jeremy jerry", "philip phil",
			"gregory greg", "douglas doug", "terence terry", "raymond ray", "oliver ollie olly", "archibald archie",
			"margaret maggie peggy meg madge rita", "elizabeth liz lizzie beth betty bess libby eliza elsie",
			"catherine cathy kate katie kathy kit", "katherine kathy kate katie kit", "jennifer jen jenny",
			"susan sue susie", "deborah debbie deb", "patricia pat patty trish", "rebecca becky becca",
			"victoria vicky tori", "alexandra alex sandra lexi", "christine chris chrissie tina", "dorothy dot dolly",
			"helen nell nellie", "eleanor ellie nell", "ellen ellie nell", "isabella bella izzy issy",
			"isabelle bella izzy issy", "amelia millie amy", "emily emmy millie", "emma em", "abigail abbie abby",
			"samantha sam sammy", "jacqueline jackie jacqui", "josephine jo josie", "joanne jo", "frances fran fanny",
			"sarah sally sadie", "mary molly polly mae", "anne annie nan nancy", "ann annie nan nancy",
			"charlotte lottie charlie", "florence flo florrie", "louise lou lulu", "theresa tess tessa terri",
			"valerie val", "gillian gill jill", "pamela pam", "sophia sophie", "phoebe phebe", "evelyn evie");

	private static final Map<String, Set<Integer>> GROUP_OF = new HashMap<>();

	static {
		for (int group = 0; group < GROUPS.size(); group++) {
			for (String name : GROUPS.get(group).split(" ")) {
				GROUP_OF.computeIfAbsent(name, key -> new HashSet<>()).add(group);
			}
		}
	}

	private Nicknames() {
	}

	/** True when the two different names are listed as forms of one name. */
	static boolean same(String a, String b) {
		Set<Integer> groupsOfA = GROUP_OF.get(a);
		Set<Integer> groupsOfB = GROUP_OF.get(b);
		if (groupsOfA == null || groupsOfB == null) {
			return false;
		}
		for (Integer group : groupsOfA) {
			if (groupsOfB.contains(group)) {
				return true;
			}
		}
		return false;
	}

}
