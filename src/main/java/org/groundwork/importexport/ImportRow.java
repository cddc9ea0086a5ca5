package org.groundwork.importexport;

import org.groundwork.contact.Level;
import org.groundwork.contact.Position;

import java.time.Instant;
import java.util.UUID;

/** One valid line of a file, read into contact fields; null means "the file says nothing". */
final class ImportRow {
    long line;
    UUID id;
    String name;
    String email;
    String phone;
    UUID organizationId;
    /** A unit of the organization the contact ends up in; null leaves it alone (a new organization clears it). */
    UUID unitId;
    Position position;
    Level level;
    UUID ownerId;
    String[] tags;
    Boolean doNotContact;
    String notes;
    Instant at;
    /** A new contact's first level change (its level history starts with the level it is made with). */
    UUID levelChangeId;

    /** A contact needs a name; a line with only an email or a phone is listed under it. */
    String displayName() {
        // stored as a name is (ContactFields.storedName): a phone pasted with a no-break space reads as it looks
        return name != null ? name : org.groundwork.contact.ContactFields.storedName(email != null ? email : phone);
    }
}
