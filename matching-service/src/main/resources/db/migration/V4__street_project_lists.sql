-- A street's project list: the needs and units of all its communities in one list, versioned per street and year.
alter table project_list alter column community_id drop not null;
alter table project_list add column street_id uuid;
alter table project_list add constraint project_list_of_one_area check (num_nonnulls(community_id, street_id) = 1);
alter table project_list add constraint project_list_street_year_version unique (street_id, year, version);
