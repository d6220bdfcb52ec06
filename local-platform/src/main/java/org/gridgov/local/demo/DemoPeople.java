package org.gridgov.local.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The people of the demo who sign in to the console, one per role the demo's tokens have, with the
 * same claims as those tokens and the password {@value #PASSWORD} (demo only): created in the
 * identity provider and listed on the console.
 */
final class DemoPeople implements DemoStep {

    static final String PASSWORD = "gridgov-demo";

    private record Person(String username, String name, String role, String description, Map<String, String> claims) {
    }

    @Override
    public String name() {
        return "demo-people";
    }

    @Override
    public void run(DemoContext context) throws Exception {
        List<Person> people = new ArrayList<>(List.of(
                new Person("wangge-taiping", "王网格", "GRID_STAFF", "太平街社区第1网格 网格员",
                        Map.of("jurisdiction", Persona.Ids.GRID_1)),
                new Person("shequ-taiping", "李社区", "COMMUNITY_ADMIN", "太平街社区 社区办公室",
                        Map.of("jurisdiction", Persona.Ids.COMMUNITY)),
                new Person("danwei-taiping", "张单位", "UNIT", "第一家成员单位（联建单位）", Map.of("unit", Persona.Ids.UNIT_1)),
                new Person("quzhang-fuling", "赵区管", "DISTRICT_ADMIN", "涪陵区 区级管理员",
                        Map.of("jurisdiction", Persona.Ids.DISTRICT)),
                new Person("jumin-taiping", "陈居民", "RESIDENT", "太平街社区 居民", Map.of())));
        department(context).ifPresent(id -> people.add(new Person("bumen-chengguan", "周部门", "DEPARTMENT",
                "区城市管理指挥中心 职能部门", Map.of("department", id))));
        context.out().println("Console sign-in (password " + PASSWORD + ", demo only):");
        for (Person person : people) {
            Map<String, Object> user = new LinkedHashMap<>(person.claims());
            user.put("password", PASSWORD);
            user.put("name", person.name());
            user.put("roles", List.of(person.role()));
            context.putUser(person.username(), user);
            context.out().printf("  %-16s %-16s %s%n", person.username(), person.role(), person.description());
        }
    }

    private static java.util.Optional<String> department(DemoContext context) throws Exception {
        for (JsonNode department : context.get(Persona.DISTRICT_ADMIN, "/api/departments")) {
            if ("区城市管理指挥中心".equals(department.path("name").asString())) {
                return java.util.Optional.of(department.path("id").asString());
            }
        }
        return java.util.Optional.empty();
    }
}
