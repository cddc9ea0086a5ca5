package org.groundwork.contact;

import java.util.UUID;

/**
 * Fired when a contact's personal data has been erased. Observers that keep copies elsewhere
 * (pending uploads, old row versions) drop them once the erasure has committed.
 */
public record ContactErased(UUID teamId, UUID contactId) {
}
