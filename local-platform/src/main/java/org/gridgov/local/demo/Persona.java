package org.gridgov.local.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.gridgov.infra.TokenRequest;

/**
 * The demo's people and apps, each with what their token says. The ids are fixed name-based UUIDs:
 * placeholders today; the grid and member import steps, once those services exist, are meant to
 * create the district, community, grid and unit under these very ids, so tokens stay valid.
 */
public enum Persona {
    /** 陈居民, who signs in to the console as {@code jumin-taiping}: the demo's wishes are ordered under this subject. */
    RESIDENT(TokenRequest.of("jumin-taiping", "RESIDENT")),
    GRID_STAFF(TokenRequest.of("demo-grid-staff", "GRID_STAFF").withJurisdiction(Ids.GRID_1)),
    UNIT(TokenRequest.of("demo-unit", "UNIT").withUnit(Ids.UNIT_1)),
    COMMUNITY_ADMIN(TokenRequest.of("demo-community-admin", "COMMUNITY_ADMIN").withJurisdiction(Ids.COMMUNITY)),
    DISTRICT_ADMIN(TokenRequest.of("demo-district-admin", "DISTRICT_ADMIN").withJurisdiction(Ids.DISTRICT)),
    CLIENT_APP(TokenRequest.of("demo-client-app", "CLIENT").withScope("wishes:read wishes:write grid:resolve"));

    /** Long enough for a day of clicking around without asking for new tokens. */
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final TokenRequest tokenRequest;

    Persona(TokenRequest tokenRequest) {
        this.tokenRequest = tokenRequest;
    }

    public TokenRequest tokenRequest() {
        return tokenRequest.withExpiresIn(LIFETIME);
    }

    /** Demo ids of the grid tree (涪陵区 › 敦仁街道 › 太平街社区 › grid 1) and of the first member unit. */
    public static final class Ids {
        public static final String DISTRICT = id("node:district:涪陵区");
        public static final String COMMUNITY = id("node:community:太平街社区");
        public static final String GRID_1 = id("node:grid:太平街社区:1");
        public static final String UNIT_1 = id("unit:1");

        private Ids() {
        }

        private static String id(String name) {
            return UUID.nameUUIDFromBytes(("gridgov-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
