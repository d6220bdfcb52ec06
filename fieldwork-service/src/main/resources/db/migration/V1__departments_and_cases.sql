-- functional departments (职能部门) cases are referred to, registered by the district
create table department (
    id          uuid primary key,
    name        text        not null,
    categories  text[]      not null,
    -- the streets it serves; empty: every street
    street_ids  uuid[]      not null,
    created_at  timestamptz not null
);
create unique index department_name on department (name);

-- cases (案卷): reported in a micro-grid, filed or declined by the community, referred to a department,
-- acknowledged, handled, verified on site, closed (GB/T 30428)
create table field_case (
    id                  uuid primary key,
    community_id        uuid        not null,
    street_id           uuid,
    micro_grid_id       uuid        not null,
    category            text        not null,
    description         text        not null,
    households_affected int         not null,
    shops_affected      int         not null,
    severity            text        not null,
    photo_urls          text[]      not null,
    source              text        not null,
    patrol_id           uuid,
    reported_by         text        not null,
    status              text        not null,
    department_id       uuid references department (id),
    decline_reason      text,
    handling_note       text,
    rework_count        int         not null default 0,
    reported_at         timestamptz not null,
    referred_at         timestamptz,
    acknowledged_at     timestamptz,
    first_handled_at    timestamptz,
    handled_at          timestamptz,
    closed_at           timestamptz,
    -- the SLA of the step the department is on (acknowledging, handling); its reminder and escalation
    due_at              timestamptz,
    reminded_at         timestamptz,
    escalated_at        timestamptz,
    acknowledged_on_time boolean,
    handled_on_time     boolean,
    updated_at          timestamptz not null
);
create index field_case_community on field_case (community_id, status);
create index field_case_department on field_case (department_id, referred_at);
create index field_case_due on field_case (due_at) where escalated_at is null and status in ('REFERRED', 'ACKNOWLEDGED');
