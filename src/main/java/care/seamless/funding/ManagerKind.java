package care.seamless.funding;

/**
 * Who manages a direct payment: the person; someone the person (who has capacity) chose
 * to manage it for them (Care Act 2014 s31); or an authorised person when the person
 * lacks capacity to request it (s32).
 */
public enum ManagerKind {

	PERSON, NOMINEE, AUTHORISED_PERSON

}
