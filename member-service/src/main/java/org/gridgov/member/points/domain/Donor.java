package org.gridgov.member.points.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Who gave a points-shop item: "由上级民政部门、'大党委'成员单位、社会爱心企业及人士捐赠". A member unit is named by its id
 * (and must be one); the others by name only.
 */
public record Donor(Kind kind, String name, Optional<UUID> unitId) {

    public enum Kind { GOVERNMENT, UNIT, COMPANY, PERSON }

    public Donor {
        if ((kind == Kind.UNIT) != unitId.isPresent()) {
            throw new IllegalArgumentException("a member unit donates by its id, and only a unit has one");
        }
    }
}
