package care.seamless.population;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names as a UK register holds them: mostly common British names, with a fifth drawn from
 * the languages most spoken in England and Wales after English, so that matching,
 * searching and sorting meet the names they will meet in practice.
 */
final class Names {

	private static final List<String> FEMALE = List.of("Olivia", "Amelia", "Isla", "Ava", "Mia", "Sophie", "Grace",
			"Emily", "Lily", "Freya", "Margaret", "Patricia", "Susan", "Jean", "Elizabeth", "Mary", "Joan", "Dorothy",
			"Sarah", "Helen", "Claire", "Emma", "Rachel", "Karen", "Julie", "Lucy", "Hannah", "Chloe", "Eleanor",
			"Ruth", "Catherine", "Anne", "Janet", "Gwen", "Siân", "Niamh", "Aoife", "Eilidh", "Morag", "Rhiannon");

	private static final List<String> MALE = List.of("Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Jack",
			"Charlie", "Oscar", "Thomas", "John", "David", "Michael", "Peter", "Robert", "William", "James", "Richard",
			"Stephen", "Paul", "Mark", "Andrew", "Christopher", "Daniel", "Matthew", "Kevin", "Gareth", "Rhys", "Dylan",
			"Callum", "Hamish", "Ewan", "Seán", "Ciarán", "Ian", "Colin", "Alan", "Brian", "Geoffrey", "Dennis");

	// Polish, Romanian, Urdu/Punjabi, Bengali, Gujarati, Arabic, Somali, Yoruba/Igbo,
	// Cantonese and Portuguese names, given with the family names of the same group.
	private static final List<List<String>> OTHER_FEMALE = List.of(List.of("Zofia", "Agnieszka", "Małgorzata"),
			List.of("Ioana", "Elena", "Andreea"), List.of("Ayesha", "Fatima", "Zainab"), List.of("Nusrat", "Shirin"),
			List.of("Priya", "Anjali", "Hetal"), List.of("Mariam", "Noor", "Leila"), List.of("Hodan", "Amina"),
			List.of("Adaeze", "Funmilayo", "Chiamaka"), List.of("Mei", "Wing", "Siu Lan"), List.of("Ana", "Beatriz"));

	private static final List<List<String>> OTHER_MALE = List.of(List.of("Piotr", "Krzysztof", "Tomasz"),
			List.of("Andrei", "Mihai", "Ionuț"), List.of("Muhammad", "Imran", "Bilal"), List.of("Rahim", "Abdul"),
			List.of("Rajesh", "Sanjay", "Hitesh"), List.of("Omar", "Youssef", "Karim"), List.of("Abdi", "Mohamed"),
			List.of("Oluwaseun", "Chinedu", "Emeka"), List.of("Wei", "Ka Ho", "Jun"), List.of("João", "Tiago"));

	private static final List<List<String>> OTHER_FAMILY = List.of(List.of("Nowak", "Kowalski", "Wiśniewska", "Wójcik"),
			List.of("Popescu", "Ionescu", "Dumitru"), List.of("Khan", "Hussain", "Ahmed", "Akhtar"),
			List.of("Begum", "Rahman", "Uddin", "Miah"), List.of("Patel", "Shah", "Mistry", "Parmar"),
			List.of("Al-Sayed", "Haddad", "Mansour"), List.of("Hassan", "Farah", "Warsame"),
			List.of("Okafor", "Adeyemi", "Okonkwo", "Balogun"), List.of("Chan", "Wong", "Li", "Cheung"),
			List.of("Silva", "Santos", "Ferreira"));

	// The commonest first, so a skewed pick gives Smith and Jones their real share.
	private static final List<String> FAMILY = List.of("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies",
			"Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
			"Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Jackson", "Wood", "Turner", "Martin",
			"Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
			"James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
			"Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
			"Miller", "Cox", "Richards", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum",
			"Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain",
			"Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler",
			"Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "MacDonald", "O'Brien",
			"McLaughlin", "Fitzgerald", "Ó Súilleabháin", "ap Rhys", "Smith-Jones");

	private Names() {
	}

	record Name(String given, String family) {
	}

	static Name pick(SplittableRandom random, boolean female) {
		if (random.nextInt(5) == 0) {
			int group = random.nextInt(OTHER_FAMILY.size());
			List<String> given = (female ? OTHER_FEMALE : OTHER_MALE).get(group);
			return new Name(any(random, given), any(random, OTHER_FAMILY.get(group)));
		}
		return new Name(any(random, female ? FEMALE : MALE), skewed(random, FAMILY));
	}

	static String given(SplittableRandom random, boolean female) {
		return any(random, female ? FEMALE : MALE);
	}

	static String family(SplittableRandom random) {
		return skewed(random, FAMILY);
	}

	static <T> T any(SplittableRandom random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	// The smaller of two draws: early names come up about twice as often as late ones.
	static <T> T skewed(SplittableRandom random, List<T> items) {
		return items.get(Math.min(random.nextInt(items.size()), random.nextInt(items.size())));
	}

}
