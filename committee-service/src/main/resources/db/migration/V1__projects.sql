-- Read models kept from other services' events (never their tables): rebuilt from the topics when empty.

-- member.events: the member units of each community's Grand Party Committee (大党委)
create table unit (
    id            uuid primary key,
    name          text   not null,
    community_ids uuid[] not null
);
create index unit_communities on unit using gin (community_ids);

-- wish.events: the needs lists (需求清单), for the projects' titles and categories
create table need (
    id           uuid primary key,
    community_id uuid not null,
    category     text not null,
    title        text
);

-- matching.events: the computed versions of each community's project list (项目清单)
create table project_list (
    id           uuid primary key,
    community_id uuid        not null,
    year         int         not null,
    version      int         not null,
    -- [{needId, unitId}] and [needId]
    assignments  jsonb       not null,
    unmatched    jsonb       not null,
    computed_at  timestamptz not null
);

-- The committee's own business.

-- a project list version made into projects; at most one publication per version
create table publication (
    project_list_id uuid primary key,
    community_id    uuid        not null,
    year            int         not null,
    version         int         not null,
    offered         int         not null,
    opened          int         not null,
    superseded      int         not null,
    published_by    text        not null,
    published_at    timestamptz not null
);
create index publication_community_year on publication (community_id, year, version);

create table project (
    id              uuid primary key,
    community_id    uuid        not null,
    year            int         not null,
    title           text        not null,
    category        text        not null,
    description     text,
    need_ids        uuid[]      not null,
    status          text        not null,
    unit_id         uuid,
    project_list_id uuid,
    percent         int         not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- optimistic lock: of two commands racing on one project only the first write wins
    revision        int         not null default 0
);
create index project_community_year on project (community_id, year, status);
create index project_unit_year on project (unit_id, year) where unit_id is not null;

-- a unit's yearly quota of projects, raised by an admin; the row is also the lock that serialises a unit's claims
create table unit_quota (
    unit_id uuid not null,
    year    int  not null,
    quota   int  not null,
    primary key (unit_id, year)
);

-- the claim agreement (项目认领书): written once, never updated
create table agreement (
    project_id   uuid primary key references project,
    number       text        not null,
    community_id uuid        not null,
    year         int         not null,
    sequence     int         not null,
    unit_id      uuid        not null,
    signatory    text        not null,
    commitments  text        not null,
    signed_at    timestamptz not null,
    unique (community_id, year, sequence)
);

-- agreement numbers are handed out per community and year, without gaps under concurrent signing
create table agreement_counter (
    community_id uuid not null,
    year         int  not null,
    last         int  not null,
    primary key (community_id, year)
);

create table milestone (
    project_id uuid not null references agreement,
    position   int  not null,
    title      text not null,
    due_date   date not null,
    reached_at timestamptz,
    primary key (project_id, position)
);

create table progress_report (
    id           uuid primary key,
    project_id   uuid        not null references project,
    milestone    text,
    note         text        not null,
    percent      int         not null,
    evidence_url text,
    reported_at  timestamptz not null
);
create index progress_report_project on progress_report (project_id, reported_at);

-- the quarterly review at the joint meeting (项目评议): one per project and quarter
create table review (
    project_id  uuid        not null references project,
    quarter     text        not null,
    grade       text        not null,
    comment     text,
    reviewed_by text        not null,
    reviewed_at timestamptz not null,
    primary key (project_id, quarter)
);

-- a unit giving back a project it was offered or claimed, and why
create table decline (
    project_id  uuid        not null references project,
    unit_id     uuid        not null,
    reason      text        not null,
    declined_at timestamptz not null,
    primary key (project_id, unit_id, declined_at)
);
