package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A carer answered a parent voice survey through their personal link: a two-way contact with the family. It says
 * that they took part, never what they said: answers stay inside engagement-service, unattributed, and are shown
 * only as counts per group of at least ten.
 *
 * @param surveyId   the survey
 * @param trustId    the survey's trust
 * @param schoolUrn  the school whose roll the carer was sent the survey from
 * @param familyId   the carer's family
 * @param carerId    the carer who answered
 * @param replacing  true when this answer replaces the carer's earlier one (a survey keeps one answer per carer)
 * @param answeredAt when
 */
@Revision("1")
public record SurveyAnswered(String surveyId, String trustId, String schoolUrn, String familyId, String carerId,
                             boolean replacing, Instant answeredAt) {
}
