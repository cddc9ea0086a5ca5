package org.groundwork.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.groundwork.platform.Problem;

/**
 * The page a browser sees for a problem: the same status and words as the problem+json the
 * API answers, in the layout, with a way back. Drawn by {@code ProblemMapper}'s HTML branch.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance problem(Problem problem);
    }

    public static String render(Problem problem) {
        return Templates.problem(problem).render();
    }
}
