-- Read models kept from other services' events (never their tables): rebuilt from the topics when empty.

-- member.events: units of the Grand Party Committees (大党委) and the resources they offer
create table unit (
    id            uuid primary key,
    name          text   not null,
    kind          text   not null,
    community_ids uuid[] not null
);
create index unit_communities on unit using gin (community_ids);

-- the latest version of each unit's resource list per period (2026, 2026H1, 2026H2)
create table resource_list (
    unit_id     uuid        not null,
    period      text        not null,
    version     int         not null,
    occurred_at timestamptz not null,
    primary key (unit_id, period)
);

create table resource_item (
    unit_id  uuid   not null,
    period   text   not null,
    item_id  uuid   not null,
    category text   not null,
    title    text   not null,
    capacity int    not null,
    area     uuid[] not null,
    primary key (unit_id, period, item_id),
    foreign key (unit_id, period) references resource_list on delete cascade
);

-- party members: their home community, the communities they reported in to (双报到), their grid
create table party_member (
    id            uuid primary key,
    kind          text   not null,
    community_ids uuid[] not null,
    grid_id       uuid
);
create index party_member_communities on party_member using gin (community_ids);

-- wish.events: where each wish is, where it stands, who claimed it and whether it was done on time
create table wish (
    id               uuid primary key,
    category         text        not null,
    community_id     uuid        not null,
    grid_id          uuid        not null,
    micro_grid_id    uuid        not null,
    status           text        not null,
    submitted_at     timestamptz not null,
    wanted_by        timestamptz,
    claimer_kind     text,
    claimer_id       uuid,
    claimed_at       timestamptz,
    fulfilled_at     timestamptz,
    -- an SLA timer ran out on the fulfil step while it was claimed
    fulfil_escalated boolean     not null default false
);
create index wish_claimer on wish (claimer_id) where claimer_id is not null;

-- the needs lists (需求清单)
create table need (
    id                  uuid primary key,
    category            text        not null,
    title               text,
    community_id        uuid        not null,
    grid_id             uuid        not null,
    households_affected int         not null,
    priority            text        not null,
    status              text        not null,
    recorded_at         timestamptz not null,
    published_at        timestamptz
);
create index need_published on need (community_id, published_at) where published_at is not null;
