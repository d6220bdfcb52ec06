-- A visit's finding turned into a case (issue 18), once: the case names the visit and the finding's position, and no
-- two cases name the same finding
alter table field_case add column visit_id uuid references visit (id);
alter table field_case add column visit_finding int;
alter table field_case add constraint field_case_visit_finding check ((visit_id is null) = (visit_finding is null));
create unique index field_case_from_visit on field_case (visit_id, visit_finding) where visit_id is not null;
