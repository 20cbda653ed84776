package care.seamless.discharge;

import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/** The ward gave social care an assessment or discharge notice; ids and facts only. */
public record DischargeNoticeGiven(UUID admissionId, PersonId personId, NoticeKind kind, PractitionerId by) {
}
