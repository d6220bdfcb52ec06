-- Where party members serve, kept from member-service's events (member.events): the community or grid a
-- member is registered in, and the home community an in-service member reported in to (双报到). No
-- foreign key: a member's event may arrive before grid.events' node does.
create table party_member_place (
    member_id uuid not null,
    tie       text not null check (tie in ('REGISTERED', 'REPORTED_IN')),
    node_id   uuid not null,
    primary key (member_id, tie)
);
create index party_member_place_node on party_member_place (node_id);
