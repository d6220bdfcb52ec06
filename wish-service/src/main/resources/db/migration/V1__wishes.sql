-- Wishes (微心愿) and the audit trail of every transition.
create table wish (
    id                 uuid        primary key,
    status             text        not null,
    version            bigint      not null,
    category           text        not null,
    title              text        not null,
    description        text,
    wanted_by          timestamptz,
    micro_grid_id      uuid        not null,
    grid_id            uuid        not null,
    community_id       uuid        not null,
    -- the grid-tree ancestors of the micro-grid and the micro-grid itself: "is it inside node X" is X = any(area_path)
    area_path          uuid[]      not null,
    submitter_id       text        not null,
    submitter_role     text        not null,
    -- the resident's name, phone and exact address, AES-GCM encrypted as one value bound to the wish id
    personal_data      text        not null,
    claimer_kind       text,
    claimer_id         uuid,
    candidate_units    uuid[]      not null default '{}',
    served_member_ids  uuid[]      not null default '{}',
    rating             int,
    rating_comment     text,
    evidence_url       text,
    submitted_at       timestamptz not null,
    dispatched_at      timestamptz,
    claimed_at         timestamptz,
    fulfilled_at       timestamptz,
    closed_at          timestamptz,
    ended_at           timestamptz,
    updated_at         timestamptz not null
);
create index wish_newest on wish (submitted_at desc, id desc);
create index wish_area on wish using gin (area_path);
create index wish_community on wish (community_id, status);
create index wish_submitter on wish (submitter_id);
create index wish_claimer on wish (claimer_id) where claimer_id is not null;

create table wish_history (
    id          bigserial   primary key,
    wish_id     uuid        not null references wish (id),
    at          timestamptz not null,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    actor_id    text        not null,
    actor_role  text        not null,
    reason      text,
    level       text
);
create index wish_history_wish on wish_history (wish_id, id);

-- The SLA timer of a wish: the running step's deadline, kept in the database so that it survives
-- restarts and fires once however many replicas poll (select ... for update skip locked).
-- Written by commands (a new step) and by the timer (reminders, escalations), never both at once.
create table wish_sla (
    wish_id      uuid        primary key references wish (id),
    category     text        not null,
    step         text,
    started_at   timestamptz,
    due_at       timestamptz,
    remind_at    timestamptz,
    reminded     boolean     not null default false,
    next_fire_at timestamptz,
    level        text        not null default 'GRID',
    -- some deadline of this wish passed before its step was done: it no longer counts as on time
    breached     boolean     not null default false
);
create index wish_sla_due on wish_sla (next_fire_at) where next_fire_at is not null;
