-- A level change recorded by mistake can now be deleted (ContactService.deleteLevelChange); the
-- audit trail says so as "deleted" of a "level-change", with the change's id (the contact's own
-- level-changed event would not tell a deletion from a change recorded).
alter table audit_event drop constraint audit_event_entity_type_check;
alter table audit_event add constraint audit_event_entity_type_check check (entity_type in (
    'contact', 'conversation', 'follow-up', 'work', 'action', 'organization', 'organizer', 'team',
    'token', 'session', 'level-change'));
