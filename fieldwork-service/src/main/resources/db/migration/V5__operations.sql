-- Emergency operations (战时攻坚, issue 18): a community or street opens one over a grid-tree node with task groups,
-- calls out party members and member units, who report in; closing credits the hours of those who arrived.
create table operation (
    id            uuid primary key,
    scope_node_id uuid        not null,
    community_id  uuid,
    kind          text        not null,
    title         text        not null,
    task_groups   text        not null, -- JSON: [{name, leadMemberId}]
    status        text        not null,
    opened_by     text        not null,
    opened_at     timestamptz not null,
    closed_at     timestamptz
);
create index operation_scope on operation (scope_node_id, opened_at desc);

-- who was called out, and how they reported in (one row per member or unit and operation)
create table operation_callee (
    operation_id uuid        not null references operation (id),
    callee_kind  text        not null,
    callee_id    uuid        not null,
    group_name   text        not null,
    call_out_id  uuid        not null,
    called_at    timestamptz not null,
    status       text        not null,
    reported_at  timestamptz,
    arrived_at   timestamptz,
    primary key (operation_id, callee_kind, callee_id)
);

create table operation_task (
    id           uuid primary key,
    operation_id uuid        not null references operation (id),
    group_name   text        not null,
    text         text        not null,
    assigned_by  text        not null,
    assigned_at  timestamptz not null
);
create index operation_task_operation on operation_task (operation_id, assigned_at);

-- member.events: the party members who may be called out — their kind, community and whether they reported in (双报到)
create table callable_member (
    member_id     uuid primary key,
    kind          text    not null,
    community_id  uuid    not null,
    grid_id       uuid,
    dual_reported boolean not null default false
);
create index callable_member_community on callable_member (community_id);

-- member.events: member units, the communities whose Grand Party Committee they joined, and the categories and areas
-- of their current resource list
create table callable_unit (
    unit_id       uuid primary key,
    community_ids uuid[] not null default '{}'
);
create table callable_unit_resource (
    unit_id  uuid   not null,
    category text   not null,
    area     uuid[] not null
);
create index callable_unit_resource_unit on callable_unit_resource (unit_id);
