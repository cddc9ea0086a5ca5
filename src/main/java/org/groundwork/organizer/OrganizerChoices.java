package org.groundwork.organizer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.groundwork.platform.Page;
import org.groundwork.web.Option;
import org.groundwork.web.PageLanguage;

import java.util.List;

/**
 * The team's organizers as a form's choices, the one copy: a list's filter names every one (a deactivated one
 * marked so), a form that hands people or follow-ups to someone offers the active ones (the service's rule,
 * {@link OrganizerService#assignable}) and the one stored or typed as it is, marked when deactivated, so an owner
 * kept, or one typed and refused, shows as it is.
 */
@ApplicationScoped
public class OrganizerChoices {

    @Inject
    OrganizerService organizers;
    @Inject
    CurrentOrganizer current;

    /** Every organizer of the team, for a filter. */
    public List<Option> everyone() {
        return choices(false, null, false);
    }

    /** The organizers work may be handed to, and {@code kept} (an id as stored or typed; null for none). */
    public List<Option> toHandTo(String kept) {
        return choices(true, kept, false);
    }

    /** {@link #toHandTo}, without the organizer asking: a form whose empty choice reads "Me", or a hand-over. */
    public List<Option> othersToHandTo(String kept) {
        return choices(true, kept, true);
    }

    private List<Option> choices(boolean toHand, String kept, boolean notMe) {
        String me = current.id().toString();
        return organizers.list(Page.MAX_LIMIT, null).items().stream()
                .filter(o -> !toHand || o.active() || o.id().toString().equals(kept))
                .filter(o -> !notMe || !o.id().toString().equals(me))
                .map(o -> new Option(o.id().toString(),
                        o.active() ? o.displayName() : PageLanguage.people().owner_deactivated(o.displayName())))
                .toList();
    }
}
