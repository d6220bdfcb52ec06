create table parcel (
    id   uuid primary key,
    name text not null
);

-- what the test event handler has applied, and how often
create table applied_node (
    node_id      uuid primary key,
    name         text not null,
    applications int  not null
);
