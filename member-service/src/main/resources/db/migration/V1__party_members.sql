-- Party members (党员) of every kind, each placed in a community and, once known, a grid.
create table party_member (
    id               uuid        primary key,
    name             text        not null,
    kind             text        not null,
    community_id     uuid        not null,
    grid_id          uuid,
    -- personal data: shown in full only to the member and staff over their grid, never logged
    phone            text,
    -- dual reporting (双报到) of in-service members: the employer, and when they reported in
    work_unit        text,
    work_unit_id     uuid,
    dual_reported_at timestamptz,
    registered_at    timestamptz not null,
    registered_by    text        not null
);
create index party_member_community on party_member (community_id, id);

-- Service records (服务纪实): hours a member served, approved or rejected by grid staff.
create table service_record (
    id           uuid         primary key,
    member_id    uuid         not null references party_member (id),
    hours        numeric(4,1) not null check (hours > 0 and hours <= 24),
    served_on    date         not null,
    wish_id      uuid,
    activity     text,
    status       text         not null default 'PENDING',
    recorded_by  text         not null,
    recorded_at  timestamptz  not null,
    decided_by   text,
    decided_at   timestamptz,
    decision_note text,
    check (wish_id is not null or activity is not null)
);
create index service_record_member on service_record (member_id, recorded_at desc, id);
