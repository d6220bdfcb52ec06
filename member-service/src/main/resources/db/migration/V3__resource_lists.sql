-- Resource lists (资源清单): one list per unit and period (2026, 2026H2), each PUT a new version.
-- Versions and their items are immutable; what has been used lives apart, per item and period.
create table resource_list_version (
    unit_id      uuid        not null references member_unit (id),
    period       text        not null,
    version      int         not null check (version > 0),
    published_at timestamptz not null,
    published_by text        not null,
    primary key (unit_id, period, version)
);

create table resource_item (
    unit_id  uuid   not null,
    period   text   not null,
    version  int    not null,
    item_id  uuid   not null,
    position int    not null,
    category text   not null,
    title    text   not null,
    capacity int    not null check (capacity >= 0),
    area     uuid[] not null check (cardinality(area) > 0),
    primary key (unit_id, period, version, item_id),
    foreign key (unit_id, period, version) references resource_list_version (unit_id, period, version)
);

create function refuse_rewriting_history() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: history is never rewritten', tg_table_name;
end $$;

create trigger resource_list_version_immutable before update or delete on resource_list_version
    for each row execute function refuse_rewriting_history();
create trigger resource_item_immutable before update or delete on resource_item
    for each row execute function refuse_rewriting_history();

-- Capacity used by wishes the unit claimed and projects it signed for. An item keeps its id across
-- revisions of the same period, so usage carries over to the new version.
create table resource_usage (
    unit_id     uuid        not null,
    period      text        not null,
    item_id     uuid        not null,
    source_kind text        not null check (source_kind in ('WISH', 'PROJECT')),
    source_id   uuid        not null,
    quantity    int         not null check (quantity > 0),
    used_at     timestamptz not null,
    primary key (source_kind, source_id, item_id)
);
create index resource_usage_item on resource_usage (unit_id, period, item_id);

-- Just enough of each wish (from wish.events) to find the resource a claim uses.
create table resource_wish (
    wish_id  uuid primary key,
    category text not null,
    grid_id  uuid not null
);
