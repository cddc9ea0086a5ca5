package org.groundwork.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the units part of the API reads and writes; entities never go on the wire. */
public final class UnitJson {

    private UnitJson() {
    }

    /** {@code kind} defaults to {@code other}, {@code position} to after the last unit. */
    public record NewUnit(@NotBlank @Size(max = 200) String name, UnitKind kind, UUID parentId,
                          @Min(0) @Max(100000) Integer position) {
    }

    /** A merge patch: absent leaves a field alone; {@code parentId: null} takes the unit out of its parent. */
    public record UnitChange(@Size(max = 200) String name, UnitKind kind, UUID parentId,
                             @Min(0) @Max(100000) Integer position) {
    }

    public record UnitView(UUID id, UUID organizationId, UUID parentId, UnitKind kind, String name, int position,
                           Instant createdAt) {
        static UnitView of(Unit u) {
            return new UnitView(u.id, u.organizationId, u.parentId, u.kind, u.name, u.position, u.createdAt);
        }
    }
}
