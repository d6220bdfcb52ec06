-- Credits that named no party member of this service (an id in another service's event that names
-- nobody): kept here to be looked into, never a balance of their own. A cause parks a member once.
create table points_parked_credit (
    id          uuid        primary key,
    member_id   uuid        not null,
    cause       text        not null,
    cause_id    uuid        not null,
    points      bigint      not null,
    occurred_at timestamptz not null,
    parked_at   timestamptz not null default now(),
    unique (cause, cause_id, member_id)
);
