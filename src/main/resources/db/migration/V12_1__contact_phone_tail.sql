-- Checking someone in at the door looks for a contact with the same phone number (issue 12,
-- bug 2). The rule for "the same number" is in Java (Phones.key); this index only finds the
-- few contacts whose number ends in the same seven digits, without reading the whole team.
create index contact_phone_tail_idx on contact (team_id, right(regexp_replace(phone, '[^0-9]', '', 'g'), 7))
    where erased_at is null and phone is not null;
