-- A low rating opens a rectification (整改) of how the grid handled the wish.
create table rectification (
    id           uuid        primary key,
    wish_id      uuid        not null unique references wish (id),
    grid_id      uuid        not null,
    area_path    uuid[]      not null,
    rating       int         not null,
    comment      text,
    status       text        not null,
    feedback     text,
    summary      text,
    opened_at    timestamptz not null,
    completed_at timestamptz,
    completed_by text,
    version      bigint      not null
);
create index rectification_newest on rectification (opened_at desc, id desc);
create index rectification_area on rectification using gin (area_path);

-- The needs list (需求清单) that grid staff collect (走–看–问–听–议).
create table need (
    id                  uuid        primary key,
    status              text        not null,
    version             bigint      not null,
    grid_id             uuid        not null,
    community_id        uuid        not null,
    area_path           uuid[]      not null,
    category            text        not null,
    title               text        not null,
    description         text,
    households_affected int         not null,
    priority            text        not null,
    found_by            text        not null,
    recorded_by         text        not null,
    recorded_at         timestamptz not null,
    published_at        timestamptz
);
create index need_newest on need (recorded_at desc, id desc);
create index need_area on need using gin (area_path);
