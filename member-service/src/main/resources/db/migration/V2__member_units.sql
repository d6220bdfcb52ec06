-- Member units of communities' Grand Party Committees (大党委成员单位).
create table member_unit (
    id            uuid        primary key,
    name          text        not null,
    kind          text        not null,
    community_ids uuid[]      not null check (cardinality(community_ids) > 0),
    joined_at     timestamptz not null,
    created_by    text        not null
);
create index member_unit_communities on member_unit using gin (community_ids);

create table member_unit_contact (
    unit_id  uuid not null references member_unit (id),
    position int  not null,
    name     text not null,
    role     text,
    -- personal data: masked for everyone but the unit itself and admins over its communities
    phone    text,
    primary key (unit_id, position)
);
