-- patrols (巡查) of a grid by its staff: check-ins at places, findings reported as cases
create table patrol (
    id           uuid primary key,
    grid_id      uuid        not null,
    community_id uuid        not null,
    staff        text        not null,
    status       text        not null,
    started_at   timestamptz not null,
    ended_at     timestamptz,
    check_ins    int         not null default 0,
    findings     int         not null default 0
);
create index patrol_grid on patrol (grid_id, started_at);
create index patrol_staff on patrol (staff, started_at);

create table patrol_check_in (
    patrol_id  uuid        not null references patrol (id),
    position   int         not null,
    place      text        not null,
    at         timestamptz not null,
    latitude   double precision,
    longitude  double precision,
    primary key (patrol_id, position)
);

-- grid.events: which micro-grid each household lies in (no address: that is personal data and not needed)
create table household_place (
    household_id  uuid primary key,
    micro_grid_id uuid not null
);
create index household_place_micro_grid on household_place (micro_grid_id);

-- visits (走访) to households, the staff's work log (工作日志)
create table visit (
    id            uuid primary key,
    household_id  uuid        not null,
    micro_grid_id uuid        not null,
    community_id  uuid        not null,
    staff         text        not null,
    kind          text        not null,
    note          text        not null,
    findings      text[]      not null,
    visited_at    timestamptz not null,
    recorded_at   timestamptz not null
);
create index visit_micro_grid on visit (micro_grid_id, visited_at);
create index visit_staff on visit (staff, visited_at);
