package org.gridgov.local.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * committee-service's meetings in the demo: 太平街社区's joint meeting (联席会议) of last quarter, with five of its member
 * units and two functional departments invited, four units present and one excused, its minutes, a motion passed
 * (the elderly canteen) and one failed (the bicycle shed), closed; then the canteen taken through 四议两公开 — four
 * deliberation meetings, each passing its step, and both disclosures (the resolution, then the result) on the
 * community's notice board. Runs after the committee's projects.
 */
final class MeetingDemo implements DemoStep {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int INVITED = 5;

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public void run(DemoContext context) throws Exception {
        String community = Persona.Ids.COMMUNITY;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate held = quarterStart.minusDays(10);
        String quarter = held.getYear() + "Q" + ((held.getMonthValue() - 1) / 3 + 1);
        // the same five on every launch, so that the step's idempotent requests stay the same
        List<String> all = new ArrayList<>();
        context.get(Persona.COMMUNITY_ADMIN, "/api/units?community=" + community + "&limit=200").path("items").forEach(unit -> all.add(unit.path("id").asString()));
        List<String> units = all.stream().sorted().limit(INVITED).toList();

        JsonNode meeting = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/meetings", json(Map.of(
                "communityId", community, "kind", "JOINT", "title", quarter + " 太平街社区大党委联席会议",
                "scheduledAt", held.atTime(2, 0).toInstant(ZoneOffset.UTC).toString(), "place", "太平街社区党群服务中心二楼会议室",
                "agenda", List.of(Map.of("title", "增设社区老年食堂", "refKind", "OTHER"),
                        Map.of("title", "拆除3号楼自行车棚改建停车位", "refKind", "OTHER")),
                "invitees", Map.of("unitIds", units, "departmentNames", List.of("敦仁街道城管办", "涪陵区民政局")))),
                "joint-meeting:" + quarter);
        String id = meeting.path("id").asString();
        List<String> present = units.subList(0, units.size() - 1);
        DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/meetings/" + id + "/attendance",
                json(Map.of("present", present, "excused", units.subList(units.size() - 1, units.size()))), "attendance:" + id));
        DemoContext.succeeded(context.put(Persona.COMMUNITY_ADMIN, "/api/meetings/" + id + "/minutes", json(Map.of("text",
                "会议通报了上季度项目进展，听取了街道城管办、区民政局的意见。经表决，同意增设社区老年食堂；"
                        + "拆除3号楼自行车棚改建停车位的动议未获通过，请物业与居民再行协商。")), "minutes:" + id));
        String canteen = motion(context, id, 0, "同意由大党委成员单位共建社区老年食堂");
        String shed = motion(context, id, 1, "同意拆除3号楼自行车棚改建停车位");
        for (int i = 0; i < present.size(); i++) {
            vote(context, canteen, present.get(i), i < 3 ? "FOR" : "AGAINST");
            vote(context, shed, present.get(i), i == 0 ? "FOR" : i == 3 ? "ABSTAIN" : "AGAINST");
        }
        JsonNode passed = DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/motions/" + canteen + "/close",
                "{}", "close:" + canteen));
        JsonNode closed = DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/meetings/" + id + "/close",
                "{}", "close:" + id));
        context.out().println("Meeting demo: " + quarter + "'s joint meeting held on " + held + " (" + present.size()
                + " units present), motion " + passed.path("status").asString() + " and "
                + closed.path("motions").get(1).path("status").asString() + ", closed.");
        deliberation(context, quarter, held, present);
    }

    /** 四议两公开 of the canteen: four meetings after the joint one, each passing its step, then both disclosures. */
    private static void deliberation(DemoContext context, String quarter, LocalDate held, List<String> units) throws Exception {
        String id = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/deliberations", json(Map.of(
                "communityId", Persona.Ids.COMMUNITY, "title", "共建社区老年食堂",
                "description", "在太平街社区党群服务中心一楼由大党委成员单位共建老年食堂，解决辖区独居、高龄老人就餐难")),
                "deliberation:" + quarter).path("id").asString();
        List<String> steps = List.of("党组织提议", "两委会商议", "党员大会审议", "居民代表会议决议");
        for (int i = 0; i < steps.size(); i++) {
            String meeting = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/meetings", json(Map.of(
                    "communityId", Persona.Ids.COMMUNITY, "kind", "DELIBERATION", "title", "老年食堂" + steps.get(i),
                    "scheduledAt", held.plusDays(2L + 2L * i).atTime(2, 0).toInstant(ZoneOffset.UTC).toString(),
                    "place", "太平街社区党群服务中心", "agenda", List.of(Map.of("title", "共建社区老年食堂", "refKind", "OTHER")),
                    "invitees", Map.of("unitIds", units))), "deliberation-meeting:" + id + ":" + i).path("id").asString();
            DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/meetings/" + meeting + "/attendance",
                    json(Map.of("present", units)), "attendance:" + meeting));
            String motion = motion(context, meeting, 0, steps.get(i) + "：同意共建社区老年食堂");
            for (String unit : units) {
                vote(context, motion, unit, "FOR");
            }
            DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/motions/" + motion + "/close", "{}",
                    "close:" + motion));
            DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/meetings/" + meeting + "/close", "{}",
                    "close:" + meeting));
            DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/deliberations/" + id + "/steps",
                    json(Map.of("meetingId", meeting, "motionId", motion)), "step:" + id + ":" + i));
        }
        DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/deliberations/" + id + "/disclosures",
                json(Map.of("kind", "RESOLUTION", "text", "经党组织提议、两委会商议、党员大会审议、居民代表会议决议，"
                        + "同意由大党委成员单位在党群服务中心一楼共建社区老年食堂。公示期7天，如有异议请联系社区居委会。")),
                "disclosure:" + id + ":RESOLUTION"));
        DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/deliberations/" + id + "/disclosures",
                json(Map.of("kind", "IMPLEMENTATION_RESULT", "text", "社区老年食堂已建成开业，每日供应午餐，"
                        + "80岁以上及独居老人凭卡享受优惠。")), "disclosure:" + id + ":IMPLEMENTATION_RESULT"));
        context.out().println("Meeting demo: 四议两公开 of the elderly canteen through its four steps, both disclosures published.");
    }

    private static String motion(DemoContext context, String meeting, int item, String text) throws Exception {
        return DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/meetings/" + meeting + "/motions",
                json(Map.of("agendaItem", item, "text", text)), "motion:" + meeting + ":" + item)).path("id").asString();
    }

    private static void vote(DemoContext context, String motion, String unit, String choice) throws Exception {
        DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/motions/" + motion + "/votes",
                json(Map.of("voterId", unit, "choice", choice)), "vote:" + motion + ":" + unit));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
