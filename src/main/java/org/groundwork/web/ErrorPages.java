package org.groundwork.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.Problem;

import java.util.List;
import java.util.Optional;

/**
 * The page a browser sees for a problem: the same status and words as the problem+json the
 * API answers, in the layout, with a way back. Drawn by {@code ProblemMapper}'s HTML branch.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance problem(Problem problem, String said);

        static native TemplateInstance erased(String typed);
    }

    /**
     * A form about a person erased while it was open (Form): nothing saved, and what was written in it,
     * shown once and kept nowhere, so an organizer who typed a long note loses nothing by surprise.
     */
    static TemplateInstance erasedMeanwhile(List<String> typed) {
        return Templates.erased(typed.isEmpty() ? null : String.join("\n\n", typed));
    }

    public static String render(Problem problem) {
        return Templates.problem(problem, said(problem)).render();
    }

    /** The problem's words in the page's language, when they are the services' (Refusals); else null. */
    private static String said(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return Refusals.find(problem.detail()).orElse(null);
        }
        StringBuilder said = new StringBuilder();
        for (FieldError e : problem.errors()) {
            Optional<String> one = Refusals.find(e.message());
            if (one.isEmpty()) {
                return null;
            }
            said.append(said.length() == 0 ? "" : " ").append(one.get()).append(one.get().endsWith(".") ? "" : ".");
        }
        return said.toString();
    }
}
