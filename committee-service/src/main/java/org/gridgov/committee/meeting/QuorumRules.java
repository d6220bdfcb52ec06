package org.gridgov.committee.meeting;

import java.util.EnumMap;
import java.util.Map;

import org.gridgov.committee.meeting.domain.MeetingKind;
import org.gridgov.committee.meeting.domain.QuorumRule;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The quorum rule of each kind of meeting, from {@code gridgov.committee.meetings.<kind>.quorum} and
 * {@code .majority} (fractions; default more than half present, passed by more than half of those present).
 */
@Component
class QuorumRules {

    private final Map<MeetingKind, QuorumRule> rules = new EnumMap<>(MeetingKind.class);

    QuorumRules(Environment environment) {
        for (MeetingKind kind : MeetingKind.values()) {
            String prefix = "gridgov.committee.meetings." + kind.name().toLowerCase().replace('_', '-') + ".";
            rules.put(kind, new QuorumRule(
                    environment.getProperty(prefix + "quorum", Double.class, QuorumRule.HALF_AND_HALF.quorum()),
                    environment.getProperty(prefix + "majority", Double.class, QuorumRule.HALF_AND_HALF.majority())));
        }
    }

    QuorumRule of(MeetingKind kind) {
        return rules.get(kind);
    }
}
