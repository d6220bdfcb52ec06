-- member.events: where each party member lives (their community, their grid when known), so that a party
-- member — a hub household's (党员中心户) — reports cases in their own community
create table member_place (
    member_id    uuid primary key,
    community_id uuid not null,
    grid_id      uuid
);
