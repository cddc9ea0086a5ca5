package org.groundwork.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import org.groundwork.organizer.Identities;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Where the page being drawn is, for the layout's navigation: the section the visitor is in is
 * marked {@code aria-current="page"}, so a screen reader says it and the style can show it. Also
 * what the form that led here saved ({@link Form#saved}), which the page says in a notice: the layout
 * that a create form sent again saved nothing new ({@link Form#once}), a page its own words.
 */
@Named("here")
@RequestScoped
public class Here {

    @Inject
    HttpServerRequest request;
    @Inject
    CurrentVertxRequest vertx;

    /** True on the section's own page and below it; "/" only on the Today page itself. */
    public boolean in(String section) {
        String path = request.path();
        if (section.equals("/")) {
            return path.equals("/");
        }
        return path.equals(section) || path.startsWith(section + "/");
    }

    /**
     * The address says the form that led here saved {@code what} ({@code saved=what}, {@link Form#saved});
     * {@link Form#ALREADY}: it had been sent before, and nothing was saved twice. Any other word, or
     * none, says nothing. The mark is not checked against what was saved: an address written by hand
     * with a page's own word shows its notice (words only, naming no one the page does not show
     * already), which is why a notice that names someone is a parameter its page checks instead.
     */
    public boolean saved(String what) {
        // the raw query, as sent: a word needs no decoding, and an address that does not decode is no failure
        String query = request.query();
        return query != null && ("&" + query + "&").contains("&" + Form.SAVED + "=" + what + "&");
    }

    /**
     * The login waits for its second factor (the code, or the set-up the team requires of it): the menu's pages
     * would only send it back, so the menu is Log out alone (the walk).
     */
    public boolean halfOpen() {
        return Identities.resolved(vertx.getCurrent()).filter(Identities::halfOpen).isPresent();
    }

    /** What a create form sent before with other words saved, as an address ({@link Form#once}); null otherwise. */
    private String earlier;

    /**
     * Where what a create form saved the first time is, when the form comes back because it was sent again with
     * other words: the form's message links it, so a typo is corrected there instead of saved as a second record
     * (the walk: Back, a phone corrected, saved again, made a second contact).
     */
    public String earlier() {
        return earlier;
    }

    void earlier(String address) {
        this.earlier = address;
    }
}
