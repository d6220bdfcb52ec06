package org.gridgov.gateway.security;

import static org.gridgov.kit.security.Role.CLIENT;
import static org.gridgov.kit.security.Role.COMMUNITY_ADMIN;
import static org.gridgov.kit.security.Role.DEPARTMENT;
import static org.gridgov.kit.security.Role.DISTRICT_ADMIN;
import static org.gridgov.kit.security.Role.GRID_STAFF;
import static org.gridgov.kit.security.Role.PARTY_MEMBER;
import static org.gridgov.kit.security.Role.RESIDENT;
import static org.gridgov.kit.security.Role.STREET_ADMIN;
import static org.gridgov.kit.security.Role.UNIT;
import static org.gridgov.kit.security.Role.VOLUNTEER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gridgov.kit.security.Role;
import org.springframework.http.HttpMethod;

/**
 * The coarse check the gateway makes before a request reaches a service: the roles that can
 * possibly be allowed each call of the public API — {@code docs/api.md}'s "who" column, widened where a
 * service deliberately allows more (noted below). A role that can never succeed gets 403 here
 * without costing a service anything; whether the caller may act on this grid, unit, member or
 * wish (jurisdiction, "self", "the claimer") only the service knows, and it checks the role again.
 * Calls not listed are open to any authenticated caller.
 *
 * <p>A rule must never be narrower than its service: when a service lets a new role make a call,
 * widen the rule here too (the authorisation matrix test says where).
 */
final class AccessPolicy {

    private static final Role[] ADMINS = adminsAnd();

    static final List<Rule> RULES = List.of(
            rule(POST, "/api/grid/imports", ADMINS),
            rule(GET, "/api/grid/imports/*", ADMINS),
            rule(GET, "/api/grid/nodes/*/households", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/grid/resolve", adminsAnd(GRID_STAFF, CLIENT)),
            rule(PUT, "/api/grid/nodes/*/staff/*", ADMINS),
            rule(DELETE, "/api/grid/nodes/*/staff/*", ADMINS),
            rule(DELETE, "/api/grid/nodes/*", ADMINS),

            rule(POST, "/api/members", ADMINS),
            rule(GET, "/api/members", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/members/*", adminsAnd(PARTY_MEMBER, GRID_STAFF)),
            rule(POST, "/api/members/*/dual-report", adminsAnd(PARTY_MEMBER)),
            // service records (服务纪实): the member or their grid's staff record them, the staff approve
            rule(POST, "/api/members/*/service-records", adminsAnd(PARTY_MEMBER, GRID_STAFF)),
            rule(GET, "/api/members/*/service-records", adminsAnd(PARTY_MEMBER, GRID_STAFF)),
            rule(POST, "/api/members/*/service-records/*/approval", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/members/*/service-records/*/rejection", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/units", ADMINS),
            rule(PUT, "/api/units/*/resource-lists/*", adminsAnd(UNIT)),
            rule(POST, "/api/units/*/resource-lists/*/items/*/allocations", ADMINS),
            // a points account is a party member's or a volunteer's (志愿者)
            rule(GET, "/api/points/accounts/*", adminsAnd(PARTY_MEMBER, VOLUNTEER)),
            rule(POST, "/api/points/redemptions", adminsAnd(PARTY_MEMBER, VOLUNTEER)),
            // a resident registers themself as a volunteer in their community; grid staff and admins register others
            rule(POST, "/api/volunteers", adminsAnd(GRID_STAFF, RESIDENT)),
            rule(POST, "/api/points/store-items", ADMINS),
            rule(POST, "/api/points/corrections", ADMINS),
            rule(POST, "/api/points/expiries", ADMINS),
            // a quarter's red/black list (红黑榜通报) is announced by the community's admins
            rule(POST, "/api/units/red-black-list/announcements", ADMINS),

            rule(POST, "/api/wishes", RESIDENT, GRID_STAFF, CLIENT),
            // admins step in once a wish is escalated beyond its grid
            rule(POST, "/api/wishes/*/dispatch", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/wishes/*/reject", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/wishes/*/claim", UNIT, PARTY_MEMBER),
            rule(POST, "/api/wishes/*/release", UNIT, PARTY_MEMBER),
            rule(POST, "/api/wishes/*/fulfil", UNIT, PARTY_MEMBER),
            // the one who ordered it (a resident, or the app that passed it on), or grid staff on their behalf
            rule(POST, "/api/wishes/*/close", adminsAnd(RESIDENT, CLIENT, GRID_STAFF)),
            rule(POST, "/api/wishes/*/cancel", RESIDENT, CLIENT, GRID_STAFF),
            // residents push back: reopen and urge as they close and cancel; the grid asks, the resident answers
            rule(POST, "/api/wishes/*/reopen", RESIDENT, CLIENT, GRID_STAFF),
            rule(POST, "/api/wishes/*/urge", RESIDENT, CLIENT, GRID_STAFF),
            rule(POST, "/api/wishes/*/information-request", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/wishes/*/information", RESIDENT, CLIENT, GRID_STAFF),
            rule(POST, "/api/needs", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/needs", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/needs/*", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/needs/*/publish", adminsAnd(GRID_STAFF)),
            // a low rating's rectification (整改) is the grid's to work through and its admins' to follow
            rule(GET, "/api/rectifications", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/rectifications/*", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/rectifications/*/complete", adminsAnd(GRID_STAFF)),
            // a unit sees its own KPIs; an app granted kpis:read (a dashboard) those of its jurisdiction
            rule(GET, "/api/kpis", adminsAnd(GRID_STAFF, UNIT, CLIENT)),
            // client apps: a district admin registers, credentials and revokes them; an app reads
            // itself and manages its own webhooks
            rule(POST, "/api/apps", DISTRICT_ADMIN),
            rule(GET, "/api/apps", DISTRICT_ADMIN),
            rule(GET, "/api/apps/*", DISTRICT_ADMIN, CLIENT),
            rule(POST, "/api/apps/*/credentials", DISTRICT_ADMIN),
            rule(POST, "/api/apps/*/revoke", DISTRICT_ADMIN),
            rule(POST, "/api/apps/*/webhooks", DISTRICT_ADMIN, CLIENT),
            rule(GET, "/api/apps/*/webhooks", DISTRICT_ADMIN, CLIENT),
            rule(DELETE, "/api/apps/*/webhooks/*", DISTRICT_ADMIN, CLIENT),
            rule(GET, "/api/apps/*/webhooks/*/deliveries", DISTRICT_ADMIN, CLIENT),
            rule(POST, "/api/apps/*/webhooks/*/deliveries/*/retry", DISTRICT_ADMIN, CLIENT),

            rule(GET, "/api/matching/wishes/*/candidates", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/matching/project-lists", ADMINS),
            rule(GET, "/api/matching/project-lists", ADMINS),
            rule(GET, "/api/matching/project-lists/*", ADMINS),

            // the Grand Party Committee runs its projects; its member units claim and deliver them;
            // everyone in the community reads them (the service checks the community)
            rule(POST, "/api/projects/publications", ADMINS),
            rule(POST, "/api/projects/quotas", ADMINS),
            rule(POST, "/api/projects", ADMINS),
            rule(POST, "/api/projects/*/claim", UNIT),
            rule(POST, "/api/projects/*/decline", UNIT),
            rule(POST, "/api/projects/*/agreement", UNIT),
            rule(POST, "/api/projects/*/progress", UNIT),
            rule(POST, "/api/projects/*/completion", UNIT),
            rule(POST, "/api/projects/*/reviews", ADMINS),
            rule(POST, "/api/projects/*/cancellation", ADMINS),
            // the year-end assessment (年底考核): the admins compute it; a unit reads its own row
            rule(POST, "/api/assessments", ADMINS),
            rule(GET, "/api/assessments", adminsAnd(UNIT)),
            // meetings: the community's admins run them, grid staff a briefing of their grid; those present vote
            rule(POST, "/api/meetings", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/meetings/*/attendance", adminsAnd(GRID_STAFF)),
            rule(PUT, "/api/meetings/*/minutes", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/meetings/*/motions", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/meetings/*/close", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/motions/*/votes", adminsAnd(GRID_STAFF, UNIT, PARTY_MEMBER)),
            rule(POST, "/api/motions/*/close", adminsAnd(GRID_STAFF)),
            // 四议两公开: the admins deliberate and disclose; the notice board of disclosures is anyone's to read
            rule(POST, "/api/deliberations", ADMINS),
            rule(POST, "/api/deliberations/*/steps", ADMINS),
            rule(POST, "/api/deliberations/*/disclosures", ADMINS),
            // joint activities (活动联办): the admins plan them; party members and volunteers sign up; the admins and the
            // organising units check people in and complete them; the teams by grid are theirs and the grid staff's, who lead them
            rule(POST, "/api/activities", ADMINS),
            rule(GET, "/api/activities/*/teams", adminsAnd(UNIT, GRID_STAFF)),
            rule(POST, "/api/activities/*/registrations", PARTY_MEMBER, VOLUNTEER),
            rule(DELETE, "/api/activities/*/registrations/*", adminsAnd(UNIT, PARTY_MEMBER, VOLUNTEER)),
            rule(POST, "/api/activities/*/check-ins", adminsAnd(UNIT)),
            rule(POST, "/api/activities/*/complete", adminsAnd(UNIT)),

            // field work: the district registers functional departments; the community's staff report, file,
            // refer (吹哨) and verify cases; the department a case is referred to acknowledges (报到) and handles it;
            // a case's reporter (a party member, an app) reads and verifies it
            rule(POST, "/api/departments", DISTRICT_ADMIN),
            rule(GET, "/api/departments/*/performance", adminsAnd(DEPARTMENT)),
            rule(GET, "/api/streets/*/performance", ADMINS),
            rule(POST, "/api/cases", adminsAnd(GRID_STAFF, PARTY_MEMBER, CLIENT)),
            rule(GET, "/api/cases", adminsAnd(GRID_STAFF, DEPARTMENT)),
            rule(GET, "/api/cases/*", adminsAnd(GRID_STAFF, DEPARTMENT, PARTY_MEMBER, CLIENT)),
            rule(POST, "/api/cases/*/filing", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/cases/*/decline", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/cases/*/referral", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/cases/*/acknowledgement", DEPARTMENT),
            rule(POST, "/api/cases/*/handling-report", adminsAnd(GRID_STAFF, DEPARTMENT)),
            rule(POST, "/api/cases/*/verification", adminsAnd(GRID_STAFF, PARTY_MEMBER, CLIENT)),
            // patrols are the grid staff's; the grid's admins read them; visits also by the community's party members
            rule(POST, "/api/patrols", GRID_STAFF),
            rule(GET, "/api/patrols", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/patrols/*", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/patrols/*/check-ins", GRID_STAFF),
            rule(POST, "/api/patrols/*/findings", GRID_STAFF),
            rule(POST, "/api/patrols/*/end", GRID_STAFF),
            // patrol plans per grid: its staff and the admins over it set them and see the patrols missed
            rule(PUT, "/api/patrol-plans/*", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/patrol-plans", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/patrol-plans/*", adminsAnd(GRID_STAFF)),
            rule(POST, "/api/visits", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            rule(GET, "/api/visits", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/visits/coverage", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/visits/work-log", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            // one visit and its findings raised as needs of the needs list or made cases: the visitor and the staff over it
            rule(GET, "/api/visits/*", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            rule(POST, "/api/visits/*/findings/*/need", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            rule(POST, "/api/visits/*/findings/*/case", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            // care for special groups (四个一): the grid's staff put households in care, the carers (staff or party
            // members) record the care; the service shows a recipient only to its grid, its carers and the admins
            rule(POST, "/api/care-recipients", adminsAnd(GRID_STAFF)),
            rule(GET, "/api/care-recipients", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            rule(GET, "/api/care-recipients/*", adminsAnd(GRID_STAFF, PARTY_MEMBER)),
            rule(POST, "/api/care-recipients/*/contacts", GRID_STAFF, PARTY_MEMBER),
            rule(GET, "/api/care/coverage", adminsAnd(GRID_STAFF)),
            // emergency operations (战时攻坚): community and street admins run them; the grids' staff and the party
            // members and units called out read them, and the called report in
            rule(POST, "/api/operations", COMMUNITY_ADMIN, STREET_ADMIN),
            rule(GET, "/api/operations", adminsAnd(GRID_STAFF, PARTY_MEMBER, UNIT)),
            rule(GET, "/api/operations/*", adminsAnd(GRID_STAFF, PARTY_MEMBER, UNIT)),
            rule(GET, "/api/operations/*/roll-call", adminsAnd(GRID_STAFF, PARTY_MEMBER, UNIT)),
            rule(POST, "/api/operations/*/call-outs", COMMUNITY_ADMIN, STREET_ADMIN),
            rule(POST, "/api/operations/*/tasks", COMMUNITY_ADMIN, STREET_ADMIN),
            rule(POST, "/api/operations/*/close", COMMUNITY_ADMIN, STREET_ADMIN),
            rule(POST, "/api/operations/*/reports", PARTY_MEMBER, UNIT),

            // user management (the identity provider): admins within their jurisdiction, never above their own role
            rule(GET, "/api/users", ADMINS),
            rule(POST, "/api/users", ADMINS),
            rule(GET, "/api/users/*", ADMINS),
            rule(PATCH, "/api/users/*", ADMINS),
            rule(POST, "/api/users/*/lock", ADMINS),
            rule(POST, "/api/users/*/unlock", ADMINS),
            rule(POST, "/api/users/*/disable", ADMINS),
            rule(POST, "/api/users/*/enable", ADMINS),
            rule(POST, "/api/users/*/password-reset", ADMINS));

    private AccessPolicy() {
    }

    private static Rule rule(HttpMethod method, String path, Role... roles) {
        return new Rule(method, path, Arrays.stream(roles).map(Role::name).toArray(String[]::new));
    }

    /** The community, street and district admins, plus these roles. */
    private static Role[] adminsAnd(Role... more) {
        Set<Role> roles = EnumSet.of(COMMUNITY_ADMIN, STREET_ADMIN, DISTRICT_ADMIN);
        roles.addAll(List.of(more));
        return roles.toArray(Role[]::new);
    }

    /** A call (method and path pattern) and the roles that may make it. */
    record Rule(HttpMethod method, String path, String[] roles) {
    }
}
