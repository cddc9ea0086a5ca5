package org.groundwork.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the works part of the API reads and writes; entities never go on the wire. */
public final class WorkJson {

    private WorkJson() {
    }

    public record NewWork(
            @NotBlank @Size(max = 200) String name,
            @NotNull Focus focus,
            Mode mode,
            @Size(max = 5000) String justification,
            Boolean active) {
    }

    /** A merge patch: absent fields stay; name, focus, mode and active cannot be cleared. */
    public record WorkChange(
            @Size(min = 1, max = 200) String name,
            Focus focus,
            Mode mode,
            @Size(max = 5000) String justification,
            Boolean active) {
    }

    public record WorkView(UUID id, String name, Focus focus, Mode mode, String justification, boolean active,
                           Instant createdAt, Instant updatedAt) {
        static WorkView of(Work w) {
            return new WorkView(w.id, w.name, w.focus, w.mode, w.justification, w.active, w.createdAt, w.updatedAt);
        }
    }
}
