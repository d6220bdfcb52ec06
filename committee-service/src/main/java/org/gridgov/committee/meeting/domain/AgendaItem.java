package org.gridgov.committee.meeting.domain;

import java.util.UUID;

/** An item of a meeting's agenda, naming what it is about (a need, a wish, a project, a deliberation) when it is about one. */
public record AgendaItem(String title, Ref refKind, UUID refId) {

    public enum Ref { NEED, WISH, PROJECT, DELIBERATION, OTHER }
}
