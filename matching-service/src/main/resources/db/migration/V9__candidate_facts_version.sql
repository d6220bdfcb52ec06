-- What the candidates of a community are (its units and their resources, its party members, where they
-- serve in the grid tree) changes a few times a day; wishes are submitted many times a second. Every
-- change to those read models bumps this one number in its own transaction, so CandidatePool can keep
-- a community's candidates in memory and know with one cheap read whether they are still current, on
-- any replica.
create table candidate_facts_version (
    singleton boolean primary key default true check (singleton),
    version   bigint  not null
);
insert into candidate_facts_version (version) values (0);

create function candidate_facts_changed() returns trigger language plpgsql as $$
begin
    update candidate_facts_version set version = version + 1;
    return null;
end $$;

create trigger candidate_facts_changed after insert or update or delete or truncate on unit
    for each statement execute function candidate_facts_changed();
create trigger candidate_facts_changed after insert or update or delete or truncate on resource_list
    for each statement execute function candidate_facts_changed();
create trigger candidate_facts_changed after insert or update or delete or truncate on resource_item
    for each statement execute function candidate_facts_changed();
create trigger candidate_facts_changed after insert or update or delete or truncate on party_member
    for each statement execute function candidate_facts_changed();
create trigger candidate_facts_changed after insert or update or delete or truncate on kit_grid_node
    for each statement execute function candidate_facts_changed();
