-- Who gave a points-shop item (捐赠): the higher civil-affairs office, a member unit of the Grand Party Committee, a
-- caring company or person — recorded on the item and shown with it. Items stocked before have no donor.
alter table store_item
    add column donor_kind    text check (donor_kind in ('GOVERNMENT', 'UNIT', 'COMPANY', 'PERSON')),
    add column donor_name    text,
    add column donor_unit_id uuid,
    add constraint store_item_donor check ((donor_kind is null) = (donor_name is null)
        and (donor_unit_id is null or donor_kind = 'UNIT'));
