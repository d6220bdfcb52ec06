package org.gridgov.local.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The member-service's demo data, shaped like the seed (太平街社区): the 30 member units of the
 * community's Grand Party Committee with their resource lists (published for the year, a few
 * revised for the second half), party members of every kind with the 96 in-service members
 * dual-reported, a few approved service records for the star rank, and the points-store catalogue.
 * Runs after the grid import, which places the community and its first grid under the personas' ids.
 */
final class MemberDemo implements DemoStep {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Where 太平街社区 is: its year starts at midnight there. */
    private static final ZoneId COMMUNITY_ZONE = ZoneId.of("Asia/Shanghai");

    /** Name, kind, and what it offers: category and title of each resource. */
    private record DemoUnit(String name, String kind, List<String[]> resources) {
    }

    private static final List<DemoUnit> UNITS = List.of(
            unit("涪陵区人民医院", "AGENCY", "HEALTH", "社区义诊", "ELDERLY_CARE", "高龄老人上门体检"),
            unit("敦仁派出所", "AGENCY", "SAFETY", "治安巡逻", "LEGAL_AID", "反诈宣传"),
            unit("涪陵区司法局", "AGENCY", "LEGAL_AID", "法律咨询", "LEGAL_AID", "矛盾纠纷调解"),
            unit("涪陵区税务局", "AGENCY", "EMPLOYMENT", "商户政策咨询", "EDUCATION", "税法宣讲"),
            unit("涪陵区商务委", "AGENCY", "EMPLOYMENT", "商户帮扶", "CULTURE", "商圈活动"),
            unit("涪陵区科技局", "AGENCY", "EDUCATION", "科普讲座", "EMPLOYMENT", "技能培训"),
            unit("涪陵区民政局", "AGENCY", "DONATION", "困难家庭帮扶", "ELDERLY_CARE", "独居老人关爱"),
            unit("涪陵区残联", "AGENCY", "DISABILITY_SUPPORT", "无障碍改造", "DISABILITY_SUPPORT", "助听器适配"),
            unit("涪陵区妇联", "SOCIAL_ORGANISATION", "CHILD_CARE", "妇女儿童之家", "LEGAL_AID", "家庭纠纷调解"),
            unit("共青团涪陵区委", "SOCIAL_ORGANISATION", "CHILD_CARE", "假期兴趣辅导", "CULTURE", "青年志愿活动"),
            unit("太平街小学", "SCHOOL", "EDUCATION", "课后托管", "CHILD_CARE", "法治教育课"),
            unit("涪陵第五中学", "SCHOOL", "EDUCATION", "心理疏导", "CULTURE", "文艺汇演"),
            unit("太平街幼儿园", "SCHOOL", "CHILD_CARE", "托育服务", "EDUCATION", "亲子课堂"),
            unit("涪陵区图书馆", "AGENCY", "CULTURE", "流动图书", "EDUCATION", "阅读分享会"),
            unit("涪陵区文化馆", "AGENCY", "CULTURE", "舞蹈培训", "CULTURE", "节日文艺活动"),
            unit("国网涪陵供电公司", "ENTERPRISE", "REPAIRS", "用电安全检查", "SAFETY", "变压器巡检"),
            unit("涪陵燃气公司", "ENTERPRISE", "SAFETY", "燃气安全检查", "REPAIRS", "管道维修"),
            unit("涪陵自来水公司", "ENTERPRISE", "REPAIRS", "水管维修", "ENVIRONMENT", "水质检测"),
            unit("中国银行涪陵分行", "ENTERPRISE", "EDUCATION", "防诈骗讲座", "DONATION", "爱心基金捐助"),
            unit("涪陵榨菜集团", "ENTERPRISE", "EMPLOYMENT", "残疾人就业岗位", "DONATION", "积分超市物品捐赠"),
            unit("太平街社区商会", "SOCIAL_ORGANISATION", "DONATION", "共享太平爱心基金", "EMPLOYMENT", "商户招聘会"),
            unit("银龄先锋服务队", "SOCIAL_ORGANISATION", "ELDERLY_CARE", "助老送餐", "ELDERLY_CARE", "集体生日会"),
            unit("艺树灌溉志愿者服务队", "SOCIAL_ORGANISATION", "CULTURE", "书画课堂", "ENVIRONMENT", "卫生大扫除"),
            unit("敦仁社工站", "SOCIAL_ORGANISATION", "ELDERLY_CARE", "居家养老探访", "DISABILITY_SUPPORT", "残疾人康复陪护"),
            unit("渝东律师事务所", "SOCIAL_ORGANISATION", "LEGAL_AID", "免费法律援助", "LEGAL_AID", "物业纠纷咨询"),
            unit("朝华新城物业", "PROPERTY_MANAGER", "REPAIRS", "公共设施维修", "ENVIRONMENT", "小区绿化"),
            unit("长江星辰物业", "PROPERTY_MANAGER", "REPAIRS", "充电桩修建", "SAFETY", "消防通道清理"),
            unit("太平街农贸市场", "MERCHANT", "DONATION", "爱心菜篮子", "ENVIRONMENT", "市场环境整治"),
            unit("百姓大药房太平街店", "MERCHANT", "HEALTH", "血压血糖测量", "HEALTH", "用药咨询"),
            unit("新世纪超市太平街店", "MERCHANT", "DONATION", "爱心驿站物资", "EMPLOYMENT", "新就业群体驿站"));

    /** Name, price in points, stock: the 积分超市 stocked by donors. */
    private static final List<Object[]> STORE = List.of(
            new Object[] {"大米 5kg", 120, 40}, new Object[] {"食用油 1.8L", 100, 40}, new Object[] {"洗衣液 2kg", 60, 60},
            new Object[] {"毛巾两条", 30, 100}, new Object[] {"保温杯", 80, 30}, new Object[] {"雨伞", 50, 50},
            new Object[] {"抽纸一提", 25, 120}, new Object[] {"牙膏套装", 35, 80});

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽", "军", "敏", "伟", "芳", "明", "红", "平", "静", "勇", "玲", "涛", "燕"};

    /** How many party members of each kind; the 96 in-service members all dual-report (the seed's figure). */
    private static final Map<String, Integer> MEMBERS = new LinkedHashMap<>();

    static {
        MEMBERS.put("IN_SERVICE", 96);
        MEMBERS.put("RESIDENT", 40);
        MEMBERS.put("RETIRED", 30);
        MEMBERS.put("MOBILE", 8);
        MEMBERS.put("NEW_ORG", 10);
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public void run(DemoContext context) throws IOException, InterruptedException {
        String community = Persona.Ids.COMMUNITY;
        String grid = Persona.Ids.GRID_1;
        List<String> units = joinUnits(context, community);
        int members = registerMembers(context, community, grid, units);
        stockStore(context, community, units.get(0));
        context.out().println("Member demo: " + units.size() + " member units with resource lists, " + members
                + " party members (96 in-service dual-reported), " + STORE.size() + " points-store items.");
    }

    private static List<String> joinUnits(DemoContext context, String community) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < UNITS.size(); i++) {
            DemoUnit unit = UNITS.get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            // the first unit is the UNIT persona's, so its token acts for it
            if (i == 0) {
                body.put("id", Persona.Ids.UNIT_1);
            }
            body.put("name", unit.name());
            body.put("kind", unit.kind());
            body.put("communityIds", List.of(community));
            body.put("contacts", List.of(Map.of("name", SURNAMES[i % SURNAMES.length] + "书记", "role", "党组织书记",
                    "phone", phone(9000 + i))));
            String id = context.postOnceKnown(Persona.COMMUNITY_ADMIN, "/api/units", JSON.writeValueAsString(body),
                    "unit:" + unit.name()).get("id").asString();
            ids.add(id);
            publishResources(context, id, unit, community);
        }
        return ids;
    }

    /**
     * The year's list, and next year's already, as a community publishes them at the start of the
     * year (so a project list for the coming year finds something to match); every third unit
     * revises this year's for the second half with more capacity.
     */
    private static void publishResources(DemoContext context, String unitId, DemoUnit unit, String community)
            throws IOException, InterruptedException {
        int year = LocalDate.now(COMMUNITY_ZONE).getYear();
        for (int listed : new int[] {year, year + 1}) {
            DemoContext.succeeded(context.put(Persona.COMMUNITY_ADMIN, "/api/units/" + unitId + "/resource-lists/" + listed,
                    resourceList(unit, community, 10), "resources:" + unit.name() + ":" + listed));
        }
        if (UNITS.indexOf(unit) % 3 == 0) {
            DemoContext.succeeded(context.put(Persona.COMMUNITY_ADMIN, "/api/units/" + unitId + "/resource-lists/" + year + "H2",
                    resourceList(unit, community, 15), "resources:" + unit.name() + ":" + year + "H2"));
        }
    }

    private static String resourceList(DemoUnit unit, String community, int capacity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String[] resource : unit.resources()) {
            items.add(Map.of("category", resource[0], "title", resource[1], "capacity", capacity, "area", List.of(community)));
        }
        return JSON.writeValueAsString(Map.of("items", items));
    }

    private static int registerMembers(DemoContext context, String community, String grid, List<String> units)
            throws IOException, InterruptedException {
        int n = 0;
        for (Map.Entry<String, Integer> kind : MEMBERS.entrySet()) {
            for (int i = 0; i < kind.getValue(); i++, n++) {
                String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length + i) % GIVEN.length];
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", name);
                body.put("kind", kind.getKey());
                body.put("communityId", community);
                // residents and retired members live in the first grid, where the GRID_STAFF persona serves
                if (kind.getKey().equals("RESIDENT") || kind.getKey().equals("RETIRED")) {
                    body.put("gridId", grid);
                }
                body.put("phone", phone(n));
                String member = DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/members", JSON.writeValueAsString(body),
                        "member:" + kind.getKey() + ":" + i)).get("id").asString();
                if (kind.getKey().equals("IN_SERVICE")) {
                    int employer = i % units.size();
                    DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/members/" + member + "/dual-report",
                            JSON.writeValueAsString(Map.of("communityId", community, "workUnit", UNITS.get(employer).name(),
                                    "unitId", units.get(employer))), "dual-report:" + i));
                }
                if (kind.getKey().equals("RETIRED") && i < 12) {
                    recordService(context, member, i);
                }
            }
        }
        return n;
    }

    /** Retired members are the most active volunteers (银龄先锋): their service, approved by the grid's staff. */
    private static void recordService(DemoContext context, String member, int i) throws IOException, InterruptedException {
        String servedOn = LocalDate.now(COMMUNITY_ZONE).minusDays(1 + i).toString();
        String record = DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/members/" + member + "/service-records",
                JSON.writeValueAsString(Map.of("hours", 2 + i % 5, "servedOn", servedOn, "activity", "助老送餐")),
                // dated like the record: a start on a later day records that day's service instead of replaying a different request
                "service:" + member + ":" + servedOn)).get("id").asString();
        DemoContext.succeeded(context.post(Persona.GRID_STAFF, "/api/members/" + member + "/service-records/" + record + "/approval", "{}",
                "approval:" + record));
    }

    /** The store's items; the first four were given (捐赠): by the civil-affairs office, a member unit, a company, a person. */
    private static void stockStore(DemoContext context, String community, String unit) throws IOException, InterruptedException {
        List<Map<String, Object>> donors = List.of(Map.of("kind", "GOVERNMENT", "name", "涪陵区民政局"),
                Map.of("kind", "UNIT", "name", UNITS.get(0).name(), "unitId", unit),
                Map.of("kind", "COMPANY", "name", "重庆新世纪百货敦仁店"), Map.of("kind", "PERSON", "name", "爱心人士刘女士"));
        for (int i = 0; i < STORE.size(); i++) {
            Object[] item = STORE.get(i);
            Map<String, Object> body = new LinkedHashMap<>(Map.of("communityId", community, "name", item[0], "price", item[1],
                    "stock", item[2]));
            if (i < donors.size()) {
                body.put("donor", donors.get(i));
            }
            DemoContext.succeeded(context.post(Persona.COMMUNITY_ADMIN, "/api/points/store-items", JSON.writeValueAsString(body),
                    "store:" + item[0]));
        }
    }

    private static String phone(int n) {
        return String.format("1380000%04d", n);
    }

    private static DemoUnit unit(String name, String kind, String... resources) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < resources.length; i += 2) {
            pairs.add(new String[] {resources[i], resources[i + 1]});
        }
        return new DemoUnit(name, kind, pairs);
    }
}
