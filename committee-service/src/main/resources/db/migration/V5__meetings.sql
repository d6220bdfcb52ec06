-- member.events: the party members of each community, so that a meeting invites only members that exist
create table member (
    id           uuid primary key,
    community_id uuid not null
);

-- the committee's meetings (联席会议, 议事会, 碰头会, 居民议事会)
create table meeting (
    id                 uuid primary key,
    community_id       uuid        not null,
    grid_id            uuid,
    kind               text        not null,
    title              text        not null,
    scheduled_at       timestamptz not null,
    place              text        not null,
    invited_unit_ids   uuid[]      not null,
    invited_member_ids uuid[]      not null,
    department_names   text[]      not null,
    present_ids        uuid[]      not null default '{}',
    excused_ids        uuid[]      not null default '{}',
    minutes            text,
    closed_at          timestamptz,
    organised_by       text        not null,
    created_at         timestamptz not null,
    -- optimistic lock, as for projects
    revision           int         not null default 0
);
create index meeting_community_time on meeting (community_id, scheduled_at);

create table agenda_item (
    meeting_id uuid not null references meeting,
    position   int  not null,
    title      text not null,
    ref_kind   text not null,
    ref_id     uuid,
    primary key (meeting_id, position)
);

create table motion (
    id            uuid primary key,
    meeting_id    uuid        not null references meeting,
    agenda_item   int         not null,
    text          text        not null,
    status        text        not null,
    -- the tally, once decided
    eligible      int,
    present       int,
    votes_for     int,
    votes_against int,
    abstentions   int,
    proposed_at   timestamptz not null,
    decided_at    timestamptz
);
create index motion_meeting on motion (meeting_id, proposed_at);

-- one vote per voter and motion; a later vote replaces it until the motion is closed
create table motion_vote (
    motion_id uuid        not null references motion,
    voter_id  uuid        not null,
    choice    text        not null,
    cast_at   timestamptz not null,
    primary key (motion_id, voter_id)
);
