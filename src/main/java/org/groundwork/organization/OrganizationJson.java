package org.groundwork.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the organizations part of the API reads and writes; entities never go on the wire. */
public final class OrganizationJson {

    private OrganizationJson() {
    }

    /** {@code kind} defaults to {@code other}. */
    public record NewOrganization(@NotBlank @Size(max = 200) String name, OrganizationKind kind) {
    }

    public record OrganizationView(UUID id, String name, OrganizationKind kind, Instant createdAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id, o.name, o.kind, o.createdAt);
        }
    }
}
