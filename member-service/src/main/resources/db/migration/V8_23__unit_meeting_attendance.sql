-- Each unit's attendance at the Grand Party Committee's joint meetings (联席会议) from committee.events
-- (org.gridgov.meeting.closed.v1), for the red/black list: present, excused, or away without excuse.
create table unit_meeting_fact (
    meeting_id   uuid        not null,
    unit_id      uuid        not null,
    community_id uuid        not null,
    attendance   text        not null check (attendance in ('PRESENT', 'EXCUSED', 'ABSENT')),
    occurred_at  timestamptz not null,
    primary key (meeting_id, unit_id)
);
create index unit_meeting_fact_community on unit_meeting_fact (community_id, occurred_at);
