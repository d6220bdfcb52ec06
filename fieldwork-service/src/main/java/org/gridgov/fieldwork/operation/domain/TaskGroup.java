package org.gridgov.fieldwork.operation.domain;

import java.util.UUID;

/** A task group (专项工作小组) of an operation, optionally led by a party member. */
public record TaskGroup(String name, UUID leadMemberId) {
}
