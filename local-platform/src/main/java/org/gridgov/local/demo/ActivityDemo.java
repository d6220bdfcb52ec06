package org.gridgov.local.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridgov.infra.TokenRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * committee-service's joint activities (活动联办) and member-service's volunteers (志愿者) in the demo: three volunteers
 * of 太平街社区; today's 银龄先锋 clean-up organised with a member unit, which two volunteers and two party members
 * signed up for, came to and were credited for (hours and points), completed; and next week's free clinic, open for
 * sign-up. Today's and next week's, so that each launch's requests are the same within a day.
 */
final class ActivityDemo implements DemoStep {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String[]> VOLUNTEERS = List.of(new String[] {"李秀英", "13908231001"},
            new String[] {"王建国", "13908231002"}, new String[] {"陈桂兰", "13908231003"});

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public void run(DemoContext context) throws Exception {
        String community = Persona.Ids.COMMUNITY;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> volunteers = new ArrayList<>();
        for (int i = 0; i < VOLUNTEERS.size(); i++) {
            volunteers.add(DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/volunteers", json(Map.of(
                    "name", VOLUNTEERS.get(i)[0], "communityId", community, "phone", VOLUNTEERS.get(i)[1])),
                    "volunteer:" + i)).path("id").asString());
        }
        List<String> members = new ArrayList<>();
        context.get(Persona.COMMUNITY_ADMIN, "/api/members?community=" + community + "&kind=RETIRED&limit=2").path("items")
                .forEach(member -> members.add(member.path("id").asString()));
        String unit = Persona.Ids.UNIT_1;

        // under way whatever the hour the demo loads (people register before its end and check in after its start);
        // one per hour it starts in: a later load in the same hour replays its creation and everything after it, one
        // in a later hour holds another (the same request under the day's key was refused as a different request)
        Instant started = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        JsonNode cleanUp = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/activities", json(Map.of(
                "communityId", community, "title", "银龄先锋服务队·楼道清扫", "kind", "VOLUNTEER_SERVICE",
                "startsAt", started.toString(),
                "endsAt", started.plus(5, ChronoUnit.HOURS).toString(), "place", "太平街社区1号网格各楼栋",
                "capacity", 20, "hours", 2.5, "points", 20, "organiserUnitIds", List.of(unit))), "activity:today:" + started);
        String id = cleanUp.path("id").asString();
        List<String[]> people = new ArrayList<>();
        volunteers.subList(0, 2).forEach(v -> people.add(new String[] {v, "VOLUNTEER"}));
        members.forEach(m -> people.add(new String[] {m, "PARTY_MEMBER"}));
        for (String[] person : people) {
            context.postAsOnceKnown(TokenRequest.of("demo-" + person[1].toLowerCase() + "-" + person[0], person[1])
                    .withMember(person[0]), "/api/activities/" + id + "/registrations", "{}", "register:" + id + ":" + person[0]);
            context.postAsUnitOnceKnown(unit, "/api/activities/" + id + "/check-ins", json(Map.of("personId", person[0])),
                    "check-in:" + id + ":" + person[0]);
        }
        DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/activities/" + id + "/complete", "{}",
                "complete:" + id));

        LocalDate nextWeek = today.plusDays(7);
        context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/activities", json(Map.of(
                "communityId", community, "title", "党员志愿者义诊进社区", "kind", "HEALTH",
                "startsAt", nextWeek.atTime(1, 0).toInstant(ZoneOffset.UTC).toString(),
                "endsAt", nextWeek.atTime(4, 0).toInstant(ZoneOffset.UTC).toString(), "place", "太平街社区党群服务中心",
                "capacity", 30, "hours", 3, "points", 25, "organiserUnitIds", List.of(unit))), "activity:next:" + nextWeek);
        context.out().println("Activity demo: " + volunteers.size() + " volunteers; today's clean-up completed with "
                + people.size() + " people credited; next week's clinic open for sign-up.");
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
