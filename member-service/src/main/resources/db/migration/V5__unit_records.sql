-- Each unit's record from wish.events, behind the quarterly red/black list (红黑榜).
create table unit_record_wish (
    wish_id      uuid primary key,
    community_id uuid not null,
    wanted_by    timestamptz
);

-- One row per unit that claimed a wish (a later claim of the same wish by the same unit replaces it).
create table unit_claim (
    wish_id      uuid        not null,
    unit_id      uuid        not null,
    community_id uuid        not null,
    claimed_at   timestamptz not null,
    released_at  timestamptz,
    fulfilled_at timestamptz,
    closed_at    timestamptz,
    rating       int check (rating between 1 and 5),
    late         boolean     not null default false,
    primary key (wish_id, unit_id)
);
create index unit_claim_community on unit_claim (community_id, claimed_at);

-- Units a wish was dispatched to as candidates, and whether they answered before the claim deadline.
create table unit_dispatch (
    wish_id       uuid        not null,
    unit_id       uuid        not null,
    community_id  uuid        not null,
    dispatched_at timestamptz not null,
    outcome       text        not null default 'PENDING'
        check (outcome in ('PENDING', 'ANSWERED', 'TAKEN_BY_OTHER', 'UNANSWERED')),
    primary key (wish_id, unit_id)
);
create index unit_dispatch_community on unit_dispatch (community_id, dispatched_at);
