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

-- 四议两公开: a matter of the community through four steps, each a meeting's decided motion, then two disclosures
create table deliberation (
    id           uuid primary key,
    community_id uuid        not null,
    title        text        not null,
    description  text        not null,
    need_ids     uuid[]      not null,
    status       text        not null,
    created_at   timestamptz not null,
    revision     int         not null default 0
);
create index deliberation_community on deliberation (community_id, created_at);

create table deliberation_step (
    deliberation_id uuid        not null references deliberation,
    position        int         not null,
    stage           text        not null,
    meeting_id      uuid        not null references meeting,
    motion_id       uuid        not null references motion,
    passed          boolean     not null,
    taken_at        timestamptz not null,
    primary key (deliberation_id, position)
);

-- the notice board: public to every signed-in person and app
create table disclosure (
    id              uuid primary key,
    deliberation_id uuid        not null references deliberation,
    community_id    uuid        not null,
    kind            text        not null,
    title           text        not null,
    text            text        not null,
    published_at    timestamptz not null,
    unique (deliberation_id, kind)
);
create index disclosure_community on disclosure (community_id, published_at);
