package org.gridgov.system.platform;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The wish workflow through the gateway, in a {@link TestCommunity}: each command as the person
 * who would make it, answering the raw {@link ApiResponse} so tests can assert refusals as well.
 */
public final class Wishes {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final TestCommunity community;

    public Wishes(TestCommunity community) {
        this.community = community;
    }

    /** The resident orders a wish at the address; retried until wish-service knows the community's households. */
    public String order(String resident, String address, String category) {
        String body = JSON.writeValueAsString(Map.of("category", category, "title", "系统测试心愿 " + category,
                "address", address, "contactPhone", "13900001111", "residentName", "测试居民"));
        return TestCommunity.onceKnown(community.resident(resident), "/api/wishes", body).expect(201).field("id");
    }

    public ApiResponse dispatch(TestCommunity.Grid grid, String wish, List<String> candidateUnits) {
        return community.staff(grid).post(path(wish, "dispatch"),
                JSON.writeValueAsString(Map.of("candidateUnits", candidateUnits, "note", "请认领")));
    }

    public ApiResponse reject(TestCommunity.Grid grid, String wish) {
        return community.staff(grid).post(path(wish, "reject"), "{\"reason\":\"属于物业职责\"}");
    }

    public ApiResponse cancel(String resident, String wish) {
        return community.resident(resident).post(path(wish, "cancel"), "{\"reason\":\"已经解决\"}");
    }

    /** A unit claims; retried while wish-service has not yet heard that the unit joined the community. */
    public ApiResponse claimAsUnit(String unit, String wish) {
        return TestCommunity.onceKnown(community.unit(unit), path(wish, "claim"), null);
    }

    public ApiResponse claimAsMember(String member, String wish) {
        return TestCommunity.onceKnown(community.partyMember(member), path(wish, "claim"), null);
    }

    public ApiResponse release(ApiClient claimer, String wish) {
        return claimer.post(path(wish, "release"), "{\"reason\":\"人手不足\"}");
    }

    public ApiResponse fulfil(ApiClient claimer, String wish, List<String> servedMembers) {
        return claimer.post(path(wish, "fulfil"), JSON.writeValueAsString(Map.of("note", "已完成",
                "servedMemberIds", servedMembers)));
    }

    public ApiResponse close(String resident, String wish, int rating) {
        return community.resident(resident).post(path(wish, "close"), "{\"rating\":" + rating + ",\"comment\":\"谢谢\"}");
    }

    public ApiResponse read(String resident, String wish) {
        return community.resident(resident).get("/api/wishes/" + wish);
    }

    private static String path(String wish, String command) {
        return "/api/wishes/" + wish + "/" + command;
    }
}
