package org.gridgov.local.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * wish-service's demo data: a needs list of a few dozen needs across the community's grids, half of
 * them published for the yearly matching, and micro-wishes in every workflow state — in grid 1
 * (where the GRID_STAFF persona works and the UNIT persona claims) submitted, dispatched, claimed,
 * released and claimed again, fulfilled, closed with good and poor ratings (one opens a
 * rectification), rejected and cancelled, and residents pushing back: one reopened after closing,
 * one urged (催单), one awaiting the resident's answer to the grid's question; in the other grids,
 * orders waiting for their grid.
 * Runs after the grid import and the member units: it orders wishes at addresses of registered
 * households, and wish-service learns grids, households and units from their events, so the first
 * calls are retried until it has.
 */
final class WishDemo implements DemoStep {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Answers that mean "wish-service has not yet heard of that grid, household or unit". */

    private static final String[][] WISHES = {
            {"ELDERLY_CARE", "帮独居老人每周买两次菜"}, {"REPAIRS", "楼道灯坏了需要维修"}, {"HEALTH", "想请医生上门量血压"},
            {"CHILD_CARE", "暑假孩子需要托管"}, {"LEGAL_AID", "咨询赡养纠纷"}, {"DISABILITY_SUPPORT", "需要一辆轮椅"},
            {"EDUCATION", "老人想学用智能手机"}, {"ENVIRONMENT", "小区垃圾堆放点清理"}, {"DONATION", "冬天需要一床棉被"},
            {"CULTURE", "想参加社区书画班"}, {"EMPLOYMENT", "想找一份附近的工作"}, {"SAFETY", "单元门禁坏了"},
            {"ELDERLY_CARE", "腿脚不便需要代取药"}, {"REPAIRS", "厨房水管漏水"}, {"OTHER", "想给老伴过个生日"}};

    private static final String[][] NEEDS = {
            {"REPAIRS", "变压器老化,停电频繁", "URGENT", "WALK"}, {"ELDERLY_CARE", "高龄独居老人缺少日间照料", "HIGH", "ASK"},
            {"ENVIRONMENT", "架空层被私自占用", "HIGH", "LOOK"}, {"SAFETY", "消防通道堆放杂物", "URGENT", "WALK"},
            {"CHILD_CARE", "双职工家庭放学后无人照看", "NORMAL", "LISTEN"}, {"HEALTH", "慢病老人缺少定期随访", "NORMAL", "ASK"},
            {"CULTURE", "缺少居民活动场地", "LOW", "DISCUSS"}, {"EMPLOYMENT", "商户招工难", "NORMAL", "DISCUSS"},
            {"REPAIRS", "小区缺少电动车充电桩", "HIGH", "LISTEN"}, {"LEGAL_AID", "物业纠纷频发", "NORMAL", "DISCUSS"}};


    @Override
    public String name() {
        return "wishes";
    }

    @Override
    public void run(DemoContext context) throws IOException, InterruptedException {
        // grid 1 first: the GRID_STAFF persona's own
        int needs = recordNeeds(context, 0, Persona.Ids.GRID_1);
        List<JsonNode> grids = grids(context);
        for (int g = 1; g < grids.size(); g++) {
            needs += recordNeeds(context, g, grids.get(g).get("id").asString());
        }
        int wishes = orderInGridOne(context, grids.get(0)) + orderInOtherGrids(context, grids.subList(1, grids.size()));
        context.out().println("Wish demo: " + needs + " needs, " + wishes + " wishes in every workflow state.");
    }

    /** Grid 1 (the GRID_STAFF persona's) first, then the community's other grids. */
    private List<JsonNode> grids(DemoContext context) throws IOException, InterruptedException {
        List<JsonNode> grids = new ArrayList<>();
        for (JsonNode child : context.get(Persona.COMMUNITY_ADMIN, "/api/grid/nodes/" + Persona.Ids.COMMUNITY + "/children")) {
            if ("GRID".equals(child.path("kind").asString())) {
                grids.add(child);
            }
        }
        grids.sort((a, b) -> Boolean.compare(!Persona.Ids.GRID_1.equals(a.get("id").asString()),
                !Persona.Ids.GRID_1.equals(b.get("id").asString())));
        if (grids.isEmpty() || !Persona.Ids.GRID_1.equals(grids.get(0).get("id").asString())) {
            throw new IllegalStateException("the grid import has not placed grid 1 in the community yet");
        }
        return grids;
    }

    /** Three needs of the grid, every other one published for the yearly matching. */
    private int recordNeeds(DemoContext context, int g, String grid) throws IOException, InterruptedException {
        int count = 0;
        for (int i = 0; i < 3; i++) {
            String[] need = NEEDS[(g * 3 + i) % NEEDS.length];
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("gridId", grid);
            body.put("category", need[0]);
            body.put("title", need[1]);
            body.put("householdsAffected", 20 + (g * 37 + i * 53) % 300);
            body.put("priority", need[2]);
            body.put("foundBy", need[3]);
            body.put("publish", (g + i) % 2 == 0);
            Persona staff = g == 0 ? Persona.GRID_STAFF : Persona.COMMUNITY_ADMIN;
            context.postOnceKnown(staff, "/api/needs", JSON.writeValueAsString(body), "need:" + grid + ":" + i);
            count++;
        }
        return count;
    }

    /** Grid 1 goes through the whole workflow with the personas who work there. */
    private int orderInGridOne(DemoContext context, JsonNode grid) throws IOException, InterruptedException {
        List<String> addresses = addresses(context, grid.get("id").asString(), 16);
        String[] states = {"SUBMITTED", "SUBMITTED", "DISPATCHED", "DISPATCHED", "CLAIMED", "RECLAIMED", "FULFILLED",
                "FULFILLED", "CLOSED:5", "CLOSED:4", "CLOSED:2", "REJECTED", "CANCELLED", "REOPENED", "URGED",
                "AWAITING_INFO"};
        for (int i = 0; i < states.length; i++) {
            String item = "grid-1:" + i;
            String wish = order(context, Persona.RESIDENT, addresses.get(i % addresses.size()), WISHES[i % WISHES.length], item);
            bring(context, wish, states[i], item);
        }
        return states.length;
    }

    /** In the other grids, orders from the hotline app wait for their grid's staff. */
    private int orderInOtherGrids(DemoContext context, List<JsonNode> grids) throws IOException, InterruptedException {
        int count = 0;
        for (JsonNode grid : grids) {
            List<String> addresses = addresses(context, grid.get("id").asString(), 2);
            for (int i = 0; i < addresses.size(); i++) {
                order(context, Persona.CLIENT_APP, addresses.get(i), WISHES[(count + 3) % WISHES.length],
                        "grid:" + grid.get("id").asString() + ":" + i);
                count++;
            }
        }
        return count;
    }

    private String order(DemoContext context, Persona as, String address, String[] wish, String item)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", wish[0]);
        body.put("title", wish[1]);
        body.put("address", address);
        body.put("contactPhone", "1390000" + String.format("%04d", Math.abs(item.hashCode()) % 10_000));
        body.put("residentName", "居民" + item.substring(item.lastIndexOf(':') + 1));
        return context.postOnceKnown(as, "/api/wishes", JSON.writeValueAsString(body), "wish:" + item).get("id").asString();
    }

    private void bring(DemoContext context, String wish, String state, String item) throws IOException, InterruptedException {
        String path = "/api/wishes/" + wish + "/";
        switch (state) {
            case "SUBMITTED" -> {
                return;
            }
            case "REJECTED" -> {
                DemoContext.succeeded(context.post(Persona.GRID_STAFF, path + "reject", "{\"reason\":\"属于物业维修范围,已转物业\"}",
                        "reject:" + item));
                return;
            }
            case "CANCELLED" -> {
                DemoContext.succeeded(context.post(Persona.RESIDENT, path + "cancel", "{\"reason\":\"家人已经帮忙解决\"}", "cancel:" + item));
                return;
            }
            case "AWAITING_INFO" -> {
                DemoContext.succeeded(context.post(Persona.GRID_STAFF, path + "information-request",
                        "{\"question\":\"请问是几号楼几单元?白天家里有人吗?\"}", "ask:" + item));
                return;
            }
            default -> DemoContext.succeeded(context.post(Persona.GRID_STAFF, path + "dispatch",
                    "{\"candidateUnits\":[\"" + Persona.Ids.UNIT_1 + "\"],\"note\":\"请成员单位认领\"}", "dispatch:" + item));
        }
        if (state.equals("DISPATCHED")) {
            return;
        }
        if (state.equals("URGED")) {
            DemoContext.succeeded(context.post(Persona.RESIDENT, path + "urge", "", "urge:" + item));
            return;
        }
        context.postOnceKnown(Persona.UNIT, path + "claim", "", "claim:" + item);
        if (state.equals("RECLAIMED")) {
            DemoContext.succeeded(context.post(Persona.UNIT, path + "release", "{\"reason\":\"本周人手不足\"}", "release:" + item));
            DemoContext.succeeded(context.post(Persona.UNIT, path + "claim", "", "claim-again:" + item));
            return;
        }
        if (state.equals("CLAIMED")) {
            return;
        }
        DemoContext.succeeded(context.post(Persona.UNIT, path + "fulfil", "{\"note\":\"已上门完成\"}", "fulfil:" + item));
        if (state.equals("REOPENED")) {
            DemoContext.succeeded(context.post(Persona.RESIDENT, path + "close", "{\"rating\":4,\"comment\":\"修好了\"}",
                    "close:" + item));
            DemoContext.succeeded(context.post(Persona.RESIDENT, path + "reopen", "{\"reason\":\"第二天又坏了\"}",
                    "reopen:" + item));
        }
        if (state.startsWith("CLOSED:")) {
            String rating = state.substring("CLOSED:".length());
            String comment = rating.equals("2") ? "等了很久才有人来" : "服务很好,谢谢";
            DemoContext.succeeded(context.post(Persona.RESIDENT, path + "close", "{\"rating\":" + rating + ",\"comment\":\"" + comment + "\"}",
                    "close:" + item));
        }
    }

    /** Addresses of up to {@code count} registered households of the grid, as grid-service registered them. */
    private List<String> addresses(DemoContext context, String grid, int count) throws IOException, InterruptedException {
        List<String> addresses = new ArrayList<>();
        for (JsonNode household : context.get(Persona.COMMUNITY_ADMIN, "/api/grid/nodes/" + grid + "/households").path("items")) {
            // a commercial grid holds shops only; a shopkeeper orders like a resident does
            if (addresses.size() < count) {
                addresses.add(household.get("address").asString());
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalStateException("grid " + grid + " has no registered households");
        }
        return addresses;
    }
}
