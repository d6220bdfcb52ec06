package org.gridgov.member.points;

import java.util.Map;
import java.util.UUID;

import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Donors of points-shop items (由上级民政部门、"大党委"成员单位、社会爱心企业及人士捐赠): recorded on each item and shown
 * with it in the catalogue; a member unit named as donor must be one.
 */
class StoreItemDonorsIT extends MemberServiceIntegrationTest {

    @Test
    void the_catalogue_shows_who_gave_each_item() {
        Community community = newCommunity();
        UUID unit = joinUnit(community, "敦仁小学");
        String admin = admin(community.id());
        post("/api/points/store-items", admin, item(community, "大米", Map.of("kind", "UNIT", "name", "敦仁小学",
                "unitId", unit.toString()))).expectStatus().isCreated()
                .expectBody().jsonPath("$.donor.kind").isEqualTo("UNIT").jsonPath("$.donor.unitId").isEqualTo(unit.toString());
        post("/api/points/store-items", admin, item(community, "食用油", Map.of("kind", "COMPANY", "name", "新世纪百货")))
                .expectStatus().isCreated();
        post("/api/points/store-items", admin, Map.of("communityId", community.id().toString(), "name", "毛巾",
                "price", 10, "stock", 5)).expectStatus().isCreated();

        get("/api/points/store-items?community=" + community.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].name").isEqualTo("大米")
                .jsonPath("$.items[0].donor.name").isEqualTo("敦仁小学")
                .jsonPath("$.items[1].name").isEqualTo("毛巾")
                .jsonPath("$.items[1].donor").doesNotExist()
                .jsonPath("$.items[2].donor.kind").isEqualTo("COMPANY")
                .jsonPath("$.items[2].donor.name").isEqualTo("新世纪百货");
    }

    @Test
    void a_donor_unit_that_is_none_or_a_donor_without_what_its_kind_needs_is_refused_naming_the_field() {
        Community community = newCommunity();
        String admin = admin(community.id());
        post("/api/points/store-items", admin, item(community, "大米", Map.of("kind", "UNIT", "name", "无名单位",
                "unitId", UUID.randomUUID().toString()))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("donor.unitId");
        post("/api/points/store-items", admin, item(community, "大米", Map.of("kind", "UNIT", "name", "无名单位")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("donor.unitId");
        post("/api/points/store-items", admin, item(community, "大米", Map.of("kind", "COMPANY", "name", "超市",
                "unitId", UUID.randomUUID().toString())))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("donor.unitId");
        post("/api/points/store-items", admin, item(community, "大米", Map.of("kind", "ALIEN", "name", "x")))
                .expectStatus().isBadRequest();
        post("/api/points/store-items", admin, item(community, "大米", Map.of("kind", "PERSON", "name", " ")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("donor.name");
        get("/api/points/store-items?community=" + community.id(), resident()).expectStatus().isOk().expectBody()
                .jsonPath("$.items").isEmpty();
    }

    private static Map<String, Object> item(Community community, String name, Map<String, Object> donor) {
        return Map.of("communityId", community.id().toString(), "name", name, "price", 10, "stock", 5, "donor", donor);
    }
}
