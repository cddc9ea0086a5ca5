package org.groundwork.organizer;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The security identity of an organizer: principal is the organizer id, roles nest. */
final class Identities {

    static final String TEAM_ID = "teamId";
    static final String INSTANCE_ADMIN = "instance-admin";

    private Identities() {
    }

    static SecurityIdentity of(Organizer organizer) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(organizer.id.toString()))
                .addAttribute(TEAM_ID, organizer.teamId.toString());
        // roles include the ones below them: an admin can do what a coordinator can
        builder.addRole(Role.ORGANIZER.word());
        if (organizer.role != Role.ORGANIZER) {
            builder.addRole(Role.COORDINATOR.word());
        }
        if (organizer.role == Role.ADMIN) {
            builder.addRole(Role.ADMIN.word());
        }
        if (organizer.instanceAdmin) {
            builder.addRole(INSTANCE_ADMIN);
        }
        return builder.build();
    }
}
