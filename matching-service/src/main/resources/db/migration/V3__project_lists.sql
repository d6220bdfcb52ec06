-- Yearly project lists (项目清单): every computation is a new version; old versions are kept.
create table project_list (
    id                uuid primary key,
    community_id      uuid        not null,
    year              int         not null,
    version           int         not null,
    min_per_unit      int         not null,
    max_per_unit      int         not null,
    need_count        int         not null,
    unit_count        int         not null,
    assignment_cost   bigint      not null,
    unmatched_penalty bigint      not null,
    shortfall_penalty bigint      not null,
    objective         bigint      not null,
    solve_millis      bigint      not null,
    computed_by       text        not null,
    computed_at       timestamptz not null,
    unique (community_id, year, version)
);

create table project_assignment (
    project_list_id uuid   not null references project_list,
    need_id         uuid   not null,
    need_title      text,
    need_category   text   not null,
    need_priority   text   not null,
    unit_id         uuid   not null,
    unit_name       text   not null,
    item_id         uuid   not null,
    item_title      text   not null,
    item_category   text   not null,
    category_fit    text   not null,
    distance        text   not null,
    cost            bigint not null,
    primary key (project_list_id, need_id)
);
create index project_assignment_need on project_assignment (need_id);

create table project_unmatched_need (
    project_list_id uuid   not null references project_list,
    need_id         uuid   not null,
    need_title      text,
    need_category   text   not null,
    need_priority   text   not null,
    reason          text   not null,
    penalty         bigint not null,
    primary key (project_list_id, need_id)
);

create table project_unit_shortfall (
    project_list_id uuid not null references project_list,
    unit_id         uuid not null,
    unit_name       text not null,
    minimum         int  not null,
    assigned        int  not null,
    reason          text not null,
    primary key (project_list_id, unit_id)
);
