package org.gridgov.matching.candidate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keep           how many of the best candidates are kept and published per wish (the largest {@code limit})
 * @param fairnessWindow how far back "ranked first lately" counts against a candidate, in whole UTC days (the day
 *                       the window starts on counts from its midnight)
 * @param rankWithin     how old a submission may be and still be ranked: older ones come from replaying the
 *                       topic into an empty database, long after their dispatch, and are not ranked again
 */
@ConfigurationProperties("gridgov.matching.candidates")
public record CandidateSettings(@DefaultValue("20") int keep, @DefaultValue("30d") Duration fairnessWindow,
                                @DefaultValue("7d") Duration rankWithin) {
}
