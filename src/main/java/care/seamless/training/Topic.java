package care.seamless.training;

/**
 * What a course teaches: the subjects the partners train together on. Words are in
 * messages/training.properties ({@code training.topic.NAME}).
 */
public enum Topic {

	SINGLE_ASSESSMENT, INFORMATION_GOVERNANCE, MENTAL_CAPACITY, SAFEGUARDING, COMMON_LANGUAGE

}
