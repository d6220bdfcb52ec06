-- Read models built from other services' events.

-- household.registered / household.moved (grid.events): which micro-grid an address lies in. The
-- address itself is personal data, so only a keyed hash (HMAC, hex) of its normalised form is kept.
create table household (
    household_id  uuid        primary key,
    micro_grid_id uuid        not null,
    address_key   text        not null,
    updated_at    timestamptz not null
);
create index household_address on household (address_key);

-- unit.joined, member.registered, member.dual-reported (member.events): who may claim in which community.
create table community_member (
    kind         text not null,
    member_id    uuid not null,
    community_id uuid not null,
    primary key (kind, member_id, community_id)
);

-- matching.candidates-computed (matching.events): the ranked candidates shown to the dispatcher.
create table wish_candidates (
    wish_id     uuid        primary key,
    candidates  text        not null,
    computed_at timestamptz not null
);
