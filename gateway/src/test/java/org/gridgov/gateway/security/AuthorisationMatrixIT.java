package org.gridgov.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gridgov.gateway.GatewayIntegrationTest;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.security.Role;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

/**
 * Every call of the public API ({@code docs/api.md}) × every role × a token inside and one outside the
 * jurisdiction, checked at the gateway: without a token 401 and the service never sees it; a role
 * the call's "who" column can never allow gets 403 and the service never sees it; any other caller
 * reaches the right service with its token unchanged, inside or outside — the jurisdiction and the
 * "self"/"the claimer" rules are the service's to enforce, against that token.
 *
 * <p>The table is written from {@code docs/api.md} and the services independently of
 * {@link AccessPolicy}, so the two check each other.
 */
class AuthorisationMatrixIT extends GatewayIntegrationTest {

    private static final String NODE = "6f0a4c1e-3b7d-4a59-9c2e-1d8b7e5a0c11";
    private static final String OTHER_NODE = "b2e9d7c4-5a31-4f08-8e6d-7c4b1a9f2d33";
    private static final String UNIT = "0c7e5b2a-91d4-4f6e-a3b8-5e2d1c9f7a44";
    private static final String OTHER_UNIT = "d4a1f8e3-2c6b-49d7-b0e5-8f3a6c2d1b55";
    private static final String MEMBER = "7e3c9a1d-4b8f-42e6-9d05-a1f7c3e8b266";
    private static final String OTHER_MEMBER = "a9d2e6f1-7c3b-4e58-b4a0-2f6d8c1e9a77";
    private static final String WISH = "3d8f1b6e-9a2c-4d75-8e13-6b0f4a7c2e88";
    private static final String ID = "5b1e7d3a-6f2c-4a89-9b04-e7c3a1d8f599";

    /**
     * docs/api.md, every call: method, path, the service that serves it, and the roles that may possibly
     * make it — the "who" column, widened where the services allow more (after {@code #}).
     */
    private static final String API = """
            POST /api/grid/imports                                      grid     ADMINS
            GET  /api/grid/imports/{id}                                 grid     ADMINS
            GET  /api/grid/nodes?kind=GRID&name=first                   grid     ANY
            GET  /api/grid/nodes/{node}                                 grid     ANY
            GET  /api/grid/nodes/{node}/children                        grid     ANY
            GET  /api/grid/nodes/{node}/tree?depth=2                    grid     ANY
            GET  /api/grid/nodes/{node}/households                      grid     GRID_STAFF ADMINS
            GET  /api/grid/resolve?address=taiping-street-12            grid     GRID_STAFF ADMINS CLIENT
            PUT  /api/grid/nodes/{node}/staff/GRID_CHIEF                grid     ADMINS
            DELETE /api/grid/nodes/{node}/staff/POLICE                  grid     ADMINS
            DELETE /api/grid/nodes/{node}                               grid     ADMINS
            POST /api/members                                           member   ADMINS
            GET  /api/members/{member}                                  member   PARTY_MEMBER ADMINS GRID_STAFF  # staff of the member's grid
            GET  /api/members?community={node}&kind=IN_SERVICE          member   GRID_STAFF ADMINS
            POST /api/members/{member}/dual-report                      member   PARTY_MEMBER ADMINS
            POST /api/members/{member}/service-records                  member   PARTY_MEMBER GRID_STAFF ADMINS
            GET  /api/members/{member}/service-records                  member   PARTY_MEMBER GRID_STAFF ADMINS
            POST /api/members/{member}/service-records/{id}/approval    member   GRID_STAFF ADMINS
            POST /api/members/{member}/service-records/{id}/rejection   member   GRID_STAFF ADMINS
            POST /api/units                                             member   ADMINS
            GET  /api/units/{unit}                                      member   ANY
            GET  /api/units?community={node}                            member   ANY
            PUT  /api/units/{unit}/resource-lists/2026H2                member   UNIT ADMINS
            POST /api/units/{unit}/resource-lists/2026/items/{id}/allocations  member  ADMINS
            GET  /api/points/accounts/{member}                          member   PARTY_MEMBER VOLUNTEER ADMINS
            POST /api/points/redemptions                                member   PARTY_MEMBER VOLUNTEER ADMINS
            POST /api/volunteers                                        member   GRID_STAFF RESIDENT ADMINS
            GET  /api/volunteers/{member}                               member   ANY  # the volunteer, admins: the service decides
            GET  /api/volunteers/ranking?community={node}               member   ANY
            GET  /api/points/store-items?community={node}               member   ANY
            POST /api/points/store-items                                member   ADMINS
            POST /api/points/corrections                                member   ADMINS
            POST /api/points/expiries                                   member   ADMINS
            GET  /api/rankings/stars?community={node}                   member   ANY
            GET  /api/units/red-black-list?community={node}&quarter=2026Q3  member  ANY
            POST /api/units/red-black-list/announcements                member   ADMINS
            POST /api/wishes                                            wish     RESIDENT GRID_STAFF CLIENT
            POST /api/wishes/{wish}/dispatch                            wish     GRID_STAFF ADMINS  # admins once escalated
            POST /api/wishes/{wish}/reject                              wish     GRID_STAFF ADMINS  # admins once escalated
            POST /api/wishes/{wish}/claim                               wish     UNIT PARTY_MEMBER
            POST /api/wishes/{wish}/release                             wish     UNIT PARTY_MEMBER
            POST /api/wishes/{wish}/fulfil                              wish     UNIT PARTY_MEMBER
            POST /api/wishes/{wish}/close                               wish     RESIDENT GRID_STAFF CLIENT ADMINS  # the orderer; grid staff or escalated admins for them
            POST /api/wishes/{wish}/cancel                              wish     RESIDENT GRID_STAFF CLIENT  # the orderer, or grid staff for them
            POST /api/wishes/{wish}/reopen                              wish     RESIDENT GRID_STAFF CLIENT  # the orderer, or grid staff for them
            POST /api/wishes/{wish}/urge                                wish     RESIDENT GRID_STAFF CLIENT  # the orderer, or grid staff for them
            POST /api/wishes/{wish}/information-request                 wish     GRID_STAFF ADMINS  # admins once escalated
            POST /api/wishes/{wish}/information                         wish     RESIDENT GRID_STAFF CLIENT  # the orderer, or grid staff for them
            GET  /api/wishes/{wish}/information                         wish     ANY
            GET  /api/wishes/{wish}                                     wish     ANY
            GET  /api/wishes?status=SUBMITTED&grid={node}               wish     ANY
            GET  /api/wishes/{wish}/history                             wish     ANY
            POST /api/needs                                             wish     GRID_STAFF ADMINS
            GET  /api/needs?grid={node}&status=OPEN                     wish     GRID_STAFF ADMINS
            GET  /api/needs/{id}                                        wish     GRID_STAFF ADMINS
            POST /api/needs/{id}/publish                                wish     GRID_STAFF ADMINS
            GET  /api/kpis?node={node}&from=2026-01-01&to=2026-06-30    wish     GRID_STAFF ADMINS UNIT CLIENT  # a unit: its own; an app: with kpis:read
            GET  /api/rectifications?grid={node}                        wish     GRID_STAFF ADMINS
            GET  /api/rectifications/{id}                               wish     GRID_STAFF ADMINS
            POST /api/rectifications/{id}/complete                      wish     GRID_STAFF ADMINS
            GET  /api/me/notifications?unread=true                      apps     ANY
            POST /api/me/notifications/{id}/read                        apps     ANY
            GET  /api/me/notification-preferences                       apps     ANY
            PUT  /api/me/notification-preferences                       apps     ANY
            GET  /api/me/wechat-binding                                 apps     ANY
            PUT  /api/me/wechat-binding                                 apps     ANY
            DELETE /api/me/wechat-binding                               apps     ANY
            POST /api/apps                                              apps     DISTRICT_ADMIN
            GET  /api/apps                                              apps     DISTRICT_ADMIN
            GET  /api/apps/{id}                                         apps     DISTRICT_ADMIN CLIENT  # the app itself
            POST /api/apps/{id}/credentials                             apps     DISTRICT_ADMIN
            POST /api/apps/{id}/revoke                                  apps     DISTRICT_ADMIN
            POST /api/apps/{id}/webhooks                                apps     DISTRICT_ADMIN CLIENT
            GET  /api/apps/{id}/webhooks                                apps     DISTRICT_ADMIN CLIENT
            DELETE /api/apps/{id}/webhooks/{id}                         apps     DISTRICT_ADMIN CLIENT
            GET  /api/apps/{id}/webhooks/{id}/deliveries                apps     DISTRICT_ADMIN CLIENT
            POST /api/apps/{id}/webhooks/{id}/deliveries/{id}/retry     apps     DISTRICT_ADMIN CLIENT
            GET  /api/matching/wishes/{wish}/candidates?limit=5         matching GRID_STAFF ADMINS
            POST /api/matching/project-lists                            matching ADMINS
            GET  /api/matching/project-lists/{id}                       matching ADMINS
            GET  /api/matching/project-lists?community={node}&year=2026 matching ADMINS
            POST /api/projects/publications                             committee ADMINS
            POST /api/projects                                          committee ADMINS
            POST /api/projects/quotas                                   committee ADMINS
            GET  /api/projects?community={node}&year=2026               committee ANY
            GET  /api/projects/opportunities?community={node}&year=2026 committee ANY
            GET  /api/projects/{id}                                     committee ANY
            POST /api/projects/{id}/claim                               committee UNIT
            POST /api/projects/{id}/decline                             committee UNIT
            POST /api/projects/{id}/agreement                           committee UNIT
            GET  /api/projects/{id}/agreement                           committee ANY
            POST /api/projects/{id}/progress                            committee UNIT
            GET  /api/projects/{id}/progress                            committee ANY
            POST /api/projects/{id}/completion                          committee UNIT
            POST /api/projects/{id}/reviews                             committee ADMINS
            GET  /api/projects/{id}/reviews                             committee ANY
            POST /api/projects/{id}/cancellation                        committee ADMINS
            POST /api/assessments                                       committee ADMINS
            GET  /api/assessments?community={node}&year=2025            committee ADMINS UNIT  # a unit: its own row
            POST /api/meetings                                          committee ADMINS GRID_STAFF  # a briefing of the staff's grid
            GET  /api/meetings?community={node}                         committee ANY
            GET  /api/meetings/{id}                                     committee ANY
            POST /api/meetings/{id}/attendance                          committee ADMINS GRID_STAFF
            PUT  /api/meetings/{id}/minutes                             committee ADMINS GRID_STAFF
            POST /api/meetings/{id}/motions                             committee ADMINS GRID_STAFF
            POST /api/meetings/{id}/close                               committee ADMINS GRID_STAFF
            GET  /api/motions/{id}                                      committee ANY
            POST /api/motions/{id}/votes                                committee ADMINS GRID_STAFF UNIT PARTY_MEMBER  # the voter, or the organisers
            POST /api/motions/{id}/close                                committee ADMINS GRID_STAFF
            POST /api/deliberations                                     committee ADMINS
            GET  /api/deliberations/{id}                                committee ANY
            POST /api/deliberations/{id}/steps                          committee ADMINS
            POST /api/deliberations/{id}/disclosures                    committee ADMINS
            GET  /api/disclosures?community={node}                      committee ANY
            POST /api/activities                                        committee ADMINS
            GET  /api/activities?community={node}                       committee ANY
            GET  /api/activities/{id}                                   committee ANY
            GET  /api/activities/{id}/teams                             committee ADMINS UNIT GRID_STAFF
            POST /api/activities/{id}/registrations                     committee PARTY_MEMBER VOLUNTEER
            DELETE /api/activities/{id}/registrations/{member}          committee ADMINS UNIT PARTY_MEMBER VOLUNTEER
            POST /api/activities/{id}/check-ins                         committee ADMINS UNIT
            POST /api/activities/{id}/complete                          committee ADMINS UNIT
            POST /api/departments                                       fieldwork DISTRICT_ADMIN
            GET  /api/departments                                       fieldwork ANY
            GET  /api/departments/{id}                                  fieldwork ANY
            GET  /api/departments/{id}/performance?from=2026-03-01&to=2026-03-31 fieldwork ADMINS DEPARTMENT
            POST /api/cases                                             fieldwork GRID_STAFF ADMINS PARTY_MEMBER CLIENT
            GET  /api/cases?node={node}                                 fieldwork GRID_STAFF ADMINS DEPARTMENT
            GET  /api/cases/{id}                                        fieldwork GRID_STAFF ADMINS DEPARTMENT PARTY_MEMBER CLIENT  # the reporter
            POST /api/cases/{id}/filing                                 fieldwork GRID_STAFF ADMINS
            POST /api/cases/{id}/decline                                fieldwork GRID_STAFF ADMINS
            POST /api/cases/{id}/referral                               fieldwork GRID_STAFF ADMINS
            POST /api/cases/{id}/acknowledgement                        fieldwork DEPARTMENT
            POST /api/cases/{id}/handling-report                        fieldwork GRID_STAFF ADMINS DEPARTMENT
            POST /api/cases/{id}/verification                           fieldwork GRID_STAFF ADMINS PARTY_MEMBER CLIENT  # the reporter
            POST /api/patrols                                           fieldwork GRID_STAFF
            GET  /api/patrols?node={node}&from=2026-03-01&to=2026-03-31 fieldwork GRID_STAFF ADMINS
            GET  /api/patrols/{id}                                      fieldwork GRID_STAFF ADMINS
            POST /api/patrols/{id}/check-ins                            fieldwork GRID_STAFF
            POST /api/patrols/{id}/findings                             fieldwork GRID_STAFF
            POST /api/patrols/{id}/end                                  fieldwork GRID_STAFF
            PUT  /api/patrol-plans/{node}                               fieldwork GRID_STAFF ADMINS
            GET  /api/patrol-plans?node={node}                          fieldwork GRID_STAFF ADMINS
            GET  /api/patrol-plans/{node}                               fieldwork GRID_STAFF ADMINS
            POST /api/visits                                            fieldwork GRID_STAFF ADMINS PARTY_MEMBER
            GET  /api/visits?node={node}&from=2026-03-01&to=2026-03-31  fieldwork GRID_STAFF ADMINS
            GET  /api/visits/coverage?node={node}&from=2026-03-01&to=2026-03-31 fieldwork GRID_STAFF ADMINS
            GET  /api/visits/work-log?date=2026-03-10                   fieldwork GRID_STAFF ADMINS PARTY_MEMBER
            GET  /api/visits/{id}                                       fieldwork GRID_STAFF ADMINS PARTY_MEMBER  # the visitor
            POST /api/visits/{id}/findings/0/need                       fieldwork GRID_STAFF ADMINS PARTY_MEMBER  # the visitor
            POST /api/visits/{id}/findings/0/case                       fieldwork GRID_STAFF ADMINS PARTY_MEMBER  # the visitor
            POST /api/care-recipients                                   fieldwork GRID_STAFF ADMINS
            GET  /api/care-recipients?node={node}                       fieldwork GRID_STAFF ADMINS PARTY_MEMBER  # a carer: without node
            GET  /api/care-recipients/{id}                              fieldwork GRID_STAFF ADMINS PARTY_MEMBER  # a carer
            POST /api/care-recipients/{id}/contacts                     fieldwork GRID_STAFF PARTY_MEMBER  # a carer
            GET  /api/care/coverage?node={node}&week=2026-03-04         fieldwork GRID_STAFF ADMINS
            GET  /api/streets/{node}/performance?from=2026-03-01&to=2026-03-31 fieldwork ADMINS
            POST /api/operations                                        fieldwork COMMUNITY_ADMIN STREET_ADMIN
            GET  /api/operations?node={node}                            fieldwork GRID_STAFF ADMINS PARTY_MEMBER UNIT  # the called: without node
            GET  /api/operations/{id}                                   fieldwork GRID_STAFF ADMINS PARTY_MEMBER UNIT  # the called
            GET  /api/operations/{id}/roll-call                         fieldwork GRID_STAFF ADMINS PARTY_MEMBER UNIT  # the called
            POST /api/operations/{id}/call-outs                         fieldwork COMMUNITY_ADMIN STREET_ADMIN
            POST /api/operations/{id}/tasks                             fieldwork COMMUNITY_ADMIN STREET_ADMIN
            POST /api/operations/{id}/close                             fieldwork COMMUNITY_ADMIN STREET_ADMIN
            POST /api/operations/{id}/reports                           fieldwork PARTY_MEMBER UNIT  # the called
            GET  /api/users?role=GRID_STAFF&jurisdiction={node}         identity ADMINS
            POST /api/users                                             identity ADMINS
            GET  /api/users/someone                                     identity ADMINS
            PATCH /api/users/someone                                    identity ADMINS
            POST /api/users/someone/lock                                identity ADMINS
            POST /api/users/someone/unlock                              identity ADMINS
            POST /api/users/someone/disable                             identity ADMINS
            POST /api/users/someone/enable                              identity ADMINS
            POST /api/users/someone/password-reset                      identity ADMINS
            GET  /open311/v2/discovery.json                             wish     OPEN
            GET  /open311/v2/services.json                              wish     OPEN
            GET  /open311/v2/services/REPAIRS.json                      wish     OPEN
            GET  /open311/v2/requests.json?status=open                  wish     OPEN
            POST /open311/v2/requests.json                              wish     OPEN
            GET  /open311/v2/requests/{wish}.json                       wish     OPEN
            GET  /open311/v2/tokens/{id}.json                           wish     OPEN
            """;

    private static final Map<Role, String> INSIDE = tokens(NODE, UNIT, MEMBER, "inside");
    private static final Map<Role, String> OUTSIDE = tokens(OTHER_NODE, OTHER_UNIT, OTHER_MEMBER, "outside");

    @TestFactory
    Stream<DynamicNode> every_call_by_every_role_inside_and_outside_its_jurisdiction() {
        return endpoints().map(endpoint -> DynamicContainer.dynamicContainer(endpoint.toString(), Stream.concat(
                Stream.of(DynamicTest.dynamicTest("without a token", () -> withoutToken(endpoint))),
                Arrays.stream(Role.values()).map(role -> DynamicTest.dynamicTest(role.name(), () -> {
                    withToken(endpoint, role, INSIDE.get(role));
                    withToken(endpoint, role, OUTSIDE.get(role));
                })))));
    }

    @TestFactory
    Stream<DynamicNode> the_table_covers_every_rule_of_the_gateway() {
        List<Endpoint> endpoints = endpoints().toList();
        return AccessPolicy.RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.method() + " " + rule.path(), () ->
                assertThat(endpoints).as("a row of the matrix for this rule")
                        .anySatisfy(endpoint -> {
                            assertThat(endpoint.method()).isEqualTo(rule.method());
                            assertThat(endpoint.pathWithoutQuery()).matches(rule.path().replace("*", "[^/]+"));
                        })));
    }

    private void withoutToken(Endpoint endpoint) {
        String id = requestId();
        WebTestClient.ResponseSpec response = send(endpoint, null, id);
        if (endpoint.open()) {
            response.expectStatus().isOk();
            assertThat(backends.named(endpoint.service()).received(id)).hasSize(1);
        } else {
            response.expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(backends.named(endpoint.service()).received(id)).isEmpty();
        }
    }

    private void withToken(Endpoint endpoint, Role role, String token) {
        String id = requestId();
        WebTestClient.ResponseSpec response = send(endpoint, token, id);
        if (endpoint.open() || endpoint.roles().contains(role)) {
            response.expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo(endpoint.service());
            assertThat(backends.named(endpoint.service()).received(id)).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo(endpoint.method().name());
                assertThat(request.path()).isEqualTo(endpoint.pathWithoutQuery());
                assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + token);
            });
        } else {
            response.expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
            assertThat(backends.named(endpoint.service()).received(id)).isEmpty();
        }
    }

    private WebTestClient.ResponseSpec send(Endpoint endpoint, String token, String id) {
        RequestBodySpec request = web.method(endpoint.method()).uri(endpoint.path()).headers(as(token, id));
        if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT
                || endpoint.method() == HttpMethod.PATCH) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        }
        return request.exchange();
    }

    private static Stream<Endpoint> endpoints() {
        return API.lines().map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                .map(Endpoint::parse);
    }

    private static Map<Role, String> tokens(String node, String unit, String member, String where) {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            TokenRequest request = TokenRequest.of("matrix-" + role.name().toLowerCase() + "-" + where, role.name())
                    .withJurisdiction(node).withUnit(unit).withMember(member);
            if (role == Role.CLIENT) {
                request = request.withScope("wishes:read wishes:write");
            }
            tokens.put(role, token(request));
        }
        return tokens;
    }

    /** A row of the table, its placeholders filled with ids inside the callers' jurisdiction. */
    private record Endpoint(HttpMethod method, String path, String service, Set<Role> roles, boolean open) {

        static Endpoint parse(String line) {
            String[] columns = line.split("\\s+");
            Set<Role> roles = Arrays.stream(columns).skip(3).flatMap(Endpoint::roles).collect(Collectors.toSet());
            String path = columns[1].replace("{node}", NODE).replace("{unit}", UNIT).replace("{member}", MEMBER)
                    .replace("{wish}", WISH).replace("{id}", ID);
            return new Endpoint(HttpMethod.valueOf(columns[0]), path, columns[2], roles, columns[3].equals("OPEN"));
        }

        private static Stream<Role> roles(String column) {
            return switch (column) {
                case "ANY", "OPEN" -> Arrays.stream(Role.values());
                case "ADMINS" -> Stream.of(Role.COMMUNITY_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN);
                default -> Stream.of(Role.valueOf(column));
            };
        }

        String pathWithoutQuery() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
