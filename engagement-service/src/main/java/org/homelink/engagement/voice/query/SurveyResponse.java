package org.homelink.engagement.voice.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.voice.events.GivenAnswer;

import java.util.List;
import java.util.Set;

/** One carer's latest answers, with no carer or family in it: what results are counted from. */
public record SurveyResponse(@BsonId String responseId, String surveyId, String schoolUrn, Set<YearGroup> yearGroups,
                             List<GivenAnswer> answers) {
}
