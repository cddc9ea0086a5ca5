package org.groundwork.organizer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the accounts part of the API reads and writes; entities never go on the wire. */
public final class OrganizerJson {

    private OrganizerJson() {
    }

    public record Setup(
            @NotBlank @Size(max = 200) String teamName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull @Size(min = Guessable.SHORTEST, max = Guessable.LONGEST) @Guessable String password,
            @Size(max = 64) String timeZone) {
    }

    public record SetupResult(OrganizerView organizer, TeamView team, String token) {
    }

    public record NewOrganizer(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            Role role,
            @NotNull @Size(min = Guessable.SHORTEST, max = Guessable.LONGEST) @Guessable String password) {
    }

    /** {@code active: false} disables an account: no login, and its sessions and tokens end at once. */
    public record OrganizerChange(@Size(min = 1, max = 200) String displayName, Role role, Boolean active) {
    }

    public record NewTeam(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 64) String timeZone,
            @NotNull @Valid NewOrganizer admin) {
    }

    public record NewTeamResult(TeamView team, OrganizerView admin) {
    }

    public record TeamSettings(
            @Size(min = 1, max = 200) String name,
            @Size(max = 64) String timeZone,
            @Min(0) @Max(60) Integer heatWindowDays,
            @Min(1) @Max(365) Integer coolingDays,
            @Pattern(regexp = "[1-9][0-9]{0,2}", message = "must be a country calling code of 1 to 3 digits, like 1 or 44")
            String phoneCountryCode,
            Boolean twoFactorRequired) {
    }

    /** {@code language}: the language of the organizer's pages ({@code en}, {@code es}), chosen in Settings or with PATCH /me. */
    public record OrganizerView(UUID id, String email, String displayName, Role role, boolean active,
                                boolean twoFactor, Language language, Instant createdAt) {
        static OrganizerView of(Organizer o) {
            return new OrganizerView(o.id, o.email, o.displayName, o.role, o.active, o.totpSecret != null, o.language,
                    o.createdAt);
        }
    }

    public record TeamView(UUID id, String name, String timeZone, int heatWindowDays, int coolingDays,
                           String phoneCountryCode, boolean twoFactorRequired) {
        public static TeamView of(Team t) {
            return new TeamView(t.id, t.name, t.timeZone, t.heatWindowDays, t.coolingDays, t.phoneCountryCode,
                    t.twoFactorRequired);
        }
    }

    public record Me(OrganizerView organizer, TeamView team) {
    }

    /** What an organizer changes of their own account with PATCH /me: the language of their pages. */
    public record MeChange(Language language) {
    }

    public record TokenRequest(@Size(max = 254) String email, @Size(max = 200) String password,
                               @NotBlank @Size(max = 100) String name) {
    }

    public record NewToken(UUID id, String name, String token, Instant createdAt) {
    }

    /** A login session as its owner sees it: which device, since when, and whether it is the one asking. */
    public record SessionView(UUID id, String device, Instant createdAt, Instant lastSeenAt, boolean current) {
    }

    /** A restored team's organizers still without a password, and the one just given one (or null). */
    public record FirstPasswords(List<OrganizerView> waiting, OrganizerView given) {
        public boolean waits(UUID organizer) {
            return waiting.stream().anyMatch(o -> o.id().equals(organizer));
        }
    }

    /** The instance admin's first password for an organizer restored from an archive, who has none. */
    public record FirstPassword(@NotNull @Size(min = Guessable.SHORTEST, max = Guessable.LONGEST) @Guessable String password) {
    }

    public record PasswordChange(@NotEmpty @Size(max = 200) String currentPassword,
                                 @NotNull @Size(min = Guessable.SHORTEST, max = Guessable.LONGEST) @Guessable String newPassword) {
    }

    public record TokenView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
    }
}
