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

    /** A merge patch: rename, or change the kind. */
    public record OrganizationChange(@Size(max = 200) String name, OrganizationKind kind) {
    }

    /** {@code POST /api/v1/organizations/{id}/merge}: the organization in the path goes into this one. */
    public record Merge(@jakarta.validation.constraints.NotNull UUID intoOrganizationId) {
    }

    /** A line of the organizations list: its live people, by level. */
    public record Overview(UUID id, String name, OrganizationKind kind, long people, long newPeople,
                           long lessInvolved, long cadre, long units) {
    }
}
