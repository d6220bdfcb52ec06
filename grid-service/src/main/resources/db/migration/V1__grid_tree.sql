-- The district → street → community → grid → micro-grid → hub-household tree.
create table grid_node (
    id         uuid        primary key,
    kind       text        not null check (kind in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID', 'HUB_HOUSEHOLD')),
    -- natural key: the name for district, street and community; an operator's code inside a community
    code       text        not null,
    -- the parent for district, street and community (nil uuid for the district); the community below it
    key_scope  uuid        not null,
    name       text        not null,
    parent_id  uuid        references grid_node (id),
    -- ancestors then the node itself: "inside X" is lineage @> {X}, one GIN index lookup
    lineage    uuid[]      not null,
    grid_kind  text        check (grid_kind in ('RESIDENTIAL', 'COMMERCIAL')),
    member_id  uuid,
    retired    boolean     not null default false,
    version    int         not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (key_scope, kind, code)
);
create index grid_node_lineage on grid_node using gin (lineage);
create index grid_node_parent on grid_node (parent_id);
create index grid_node_kind_name on grid_node (kind, name, id);

-- Resident households and shops. address_key is the normalised address (AddressNormaliser): unique
-- in the district, and in the C collation so that a building's prefix is an index range.
create table household (
    id               uuid        primary key,
    community_id     uuid        not null references grid_node (id),
    micro_grid_id    uuid        not null references grid_node (id),
    hub_household_id uuid        references grid_node (id),
    kind             text        not null check (kind in ('RESIDENT', 'SHOP')),
    address_key      text        collate "C" not null unique,
    version          int         not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index household_micro_grid on household (micro_grid_id, address_key);
create index household_hub on household (hub_household_id) where hub_household_id is not null;
create index household_community on household (community_id);

-- 一长六员 and micro-grid chiefs; ended rows are the assignment history.
create table grid_staff (
    id         uuid        primary key,
    node_id    uuid        not null references grid_node (id),
    role       text        not null,
    person_id  uuid        not null,
    member_id  uuid,
    name       text        not null,
    started_at timestamptz not null,
    ended_at   timestamptz
);
create unique index grid_staff_one_holder on grid_staff (node_id, role) where ended_at is null;
create index grid_staff_history on grid_staff (node_id, started_at);

-- Bulk imports of a community: the document waits here until it is applied or refused, then
-- only the report is kept.
create table grid_import (
    id               uuid        primary key,
    requested_by     text        not null,
    jurisdiction     uuid,
    community_id     uuid,
    status           text        not null check (status in ('QUEUED', 'VALIDATING', 'APPLYING', 'APPLIED', 'REJECTED', 'FAILED')),
    document         text,
    rows_total       int         not null,
    rows_done        int         not null default 0,
    summary          jsonb,
    problems         jsonb,
    problem_count    int         not null default 0,
    correlation_id   text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    finished_at      timestamptz
);
create index grid_import_unfinished on grid_import (updated_at) where status in ('QUEUED', 'VALIDATING', 'APPLYING');
