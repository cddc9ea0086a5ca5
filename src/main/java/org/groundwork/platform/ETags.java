package org.groundwork.platform;

import jakarta.ws.rs.core.EntityTag;

/** ETags are the row's version: PATCH with a stale If-Match answers 412. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Whether an If-Match header asks for a version at all: none and "*" (any version) do not. An empty one does: a
     * list of no tags, which no version matches (RFC 9110 13.1.1); it had let any write through, as a script's
     * {@code If-Match: $ETAG} with the variable unset would send it (a walk).
     */
    public static boolean namesAVersion(String ifMatch) {
        return ifMatch != null && !ifMatch.trim().equals("*");
    }

    /** An If-Match with no tag in it. */
    public static final String EMPTY = "If-Match is empty, so it names no version; send the ETag you read, or no If-Match";

    /** The API document's words for an If-Match to what has no version, the parameter's and its 412's (ApiDocument). */
    public static final String UNVERSIONED = "Only * (any): this has no version (no ETag), and an If-Match naming one is a 412";

    /**
     * Throws 412 when the client sent an If-Match naming a version to something that has none (a tie, a level
     * change): no version it names is the current one (RFC 9110 13.1.1). It was ignored, and the delete done, where
     * every versioned DELETE refused it (a walk).
     */
    public static void unversioned(String ifMatch) {
        if (namesAVersion(ifMatch)) {
            throw new ProblemException(412, "Precondition failed",
                    "This has no version (no ETag), so If-Match names none of it; send no If-Match, or *");
        }
    }

    /**
     * Throws 412 for an If-Match sent empty. The API's resources read an empty header as none, so the door asks this
     * of every write (InputGuard); a page's empty version reaches {@link #check}.
     */
    public static void refuseEmpty(String ifMatch) {
        if (ifMatch != null && ifMatch.isBlank()) {
            throw new ProblemException(412, "Precondition failed", EMPTY);
        }
    }

    /** Throws 412 when the client sent If-Match and it does not name the current version. */
    public static void check(String ifMatch, long currentVersion) {
        if (!namesAVersion(ifMatch)) {
            return;
        }
        refuseEmpty(ifMatch);
        String current = Long.toString(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.replace("\"", "").equals(current)) {
                return;
            }
        }
        throw Problems.stale();
    }
}
