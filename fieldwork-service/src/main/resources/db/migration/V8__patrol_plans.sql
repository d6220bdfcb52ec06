-- Patrol plans per grid (巡查计划, issue 18): which places the grid's staff walk past and how often. The next patrol's
-- due time lives on the plan's row (polled by every replica, taken with for update skip locked); a patrol of the grid
-- started moves it on, a due time passed without one is recorded as a missed patrol.
create table patrol_plan (
    id              uuid        primary key,
    grid_id         uuid        not null unique,
    community_id    uuid        not null,
    places          text[]      not null,
    every_days      int         not null,
    planned_by      text        not null,
    planned_at      timestamptz not null,
    due_at          timestamptz not null,
    missed_in_a_row int         not null default 0,
    version         bigint      not null default 0
);
create index patrol_plan_due on patrol_plan (due_at);

create table patrol_missed (
    plan_id      uuid        not null references patrol_plan (id),
    due_at       timestamptz not null,
    grid_id      uuid        not null,
    community_id uuid        not null,
    recorded_at  timestamptz not null,
    primary key (plan_id, due_at)
);
create index patrol_missed_community on patrol_missed (community_id, due_at);
