package fr.ent.portal.credential.control;

import java.util.List;

/**
 * One line of the password checklist a page shows: the rule's message key and parameters, whether the password
 * satisfies it, and whether the browser can check it as the user types ({@code false} for the common-password list,
 * which stays on the server). The browser twin is {@code resources/js/password-checklist.js}.
 */
public record ChecklistItem(String key, List<Object> params, boolean satisfied, boolean checkedInBrowser) {

    public ChecklistItem {
        params = List.copyOf(params);
    }
}
