-- Read models behind rule A2 of the year-end assessment (年底考核).

-- wish.events: the wishes of each community, and the date its resident wanted it by
create table wish (
    id           uuid primary key,
    community_id uuid not null,
    wanted_by    timestamptz
);

-- a member unit's claim of a wish (接单): given up, fulfilled (on time or late), closed with the resident's rating
create table wish_claim (
    wish_id      uuid        not null references wish,
    unit_id      uuid        not null,
    claimed_at   timestamptz not null,
    released_at  timestamptz,
    fulfilled_at timestamptz,
    -- fulfilled after the wanted date, or the fulfilment deadline passed while the unit held it
    late         boolean     not null default false,
    closed_at    timestamptz,
    rating       int check (rating between 1 and 5),
    primary key (wish_id, unit_id)
);
create index wish_claim_unit on wish_claim (unit_id);

-- member.events: each community's quarterly red/black list (红黑榜) as last announced, one row per unit
create table list_announcement (
    community_id    uuid        not null,
    quarter         text        not null,
    announcement_id uuid        not null,
    announced_at    timestamptz not null,
    primary key (community_id, quarter)
);

create table list_placement (
    community_id uuid not null,
    quarter      text not null,
    unit_id      uuid not null,
    placement    text not null check (placement in ('RED', 'BLACK', 'NONE')),
    rule         text not null,
    reason       text not null,
    primary key (community_id, quarter, unit_id),
    foreign key (community_id, quarter) references list_announcement on delete cascade
);

-- CANCELLED by an admin, and why
alter table project add column cancel_reason text;
