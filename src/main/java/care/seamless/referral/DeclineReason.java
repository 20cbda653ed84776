package care.seamless.referral;

/** Coded reasons for declining a referral; signposting text goes with each. */
public enum DeclineReason {

	NOT_ELIGIBLE, WRONG_SERVICE, NEEDS_MET_ELSEWHERE, PERSON_DECLINED, NOT_ENOUGH_INFORMATION

}
