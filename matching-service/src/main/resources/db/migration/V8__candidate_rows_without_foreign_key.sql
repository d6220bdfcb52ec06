-- Every ranking inserts ~20 candidate rows, and the foreign key to wish_candidates checked each of them
-- with a query of its own (20 of matching's 35 statements per submitted wish). CandidateStore writes the
-- header and its rows together and deletes both when it replaces a ranking, so the key guarded nothing.
alter table wish_candidate drop constraint wish_candidate_wish_id_fkey;
