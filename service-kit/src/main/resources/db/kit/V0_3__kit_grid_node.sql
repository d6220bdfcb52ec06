-- Read model of the grid tree from grid.events, kept by services that check jurisdictions.
-- path holds the ancestor ids, root first, so "is X inside Y" is one primary-key lookup.
create table kit_grid_node (
    id         uuid        primary key,
    kind       text        not null,
    name       text        not null,
    parent_id  uuid,
    path       uuid[]      not null,
    grid_kind  text,
    retired    boolean     not null default false,
    updated_at timestamptz not null
);
create index kit_grid_node_parent on kit_grid_node (parent_id);
