/*
 * What the accessibility audit of issue 22 (item 7) asked of every page, without inline script (strict CSP):
 *
 * - Show-password buttons. Each password field gets a real <button type="button"> after it, added here (a page
 *   without script has no button that would do nothing). Its name stays the same ("Afficher le mot de passe",
 *   from the bundle: #password-toggle-texts in the layout) and aria-pressed tells its state, so name and state never
 *   contradict each other; it is at least 24 x 24 CSS pixels (WCAG 2.5.8, see portal.css). The field goes back to
 *   hidden characters before its form is sent.
 * - An error summary ([data-error-summary="true"], e.g. a refused sign-in) takes the focus when the page loads, so
 *   that a screen reader reads it first and a keyboard user starts from it.
 * - PrimeFaces' paginator script names its page buttons' <div> (aria-label) without a role: a name on a generic
 *   element, which nothing reads and HTML forbids. That div becomes a group, watched from the start (widgets, AJAX).
 */
(function () {
    'use strict';

    function passwordToggles() {
        var texts = document.getElementById('password-toggle-texts');
        if (!texts) {
            return;
        }
        document.querySelectorAll('input[type="password"]').forEach(function (input) {
            if (input.hasAttribute('data-password-toggle')) {
                return;
            }
            input.setAttribute('data-password-toggle', 'true');
            var wrapper = document.createElement('span');
            wrapper.className = 'password-field';
            input.parentNode.insertBefore(wrapper, input);
            wrapper.appendChild(input);
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'password-toggle';
            button.setAttribute('aria-pressed', 'false');
            if (input.id) {
                button.setAttribute('aria-controls', input.id);
            }
            button.textContent = texts.getAttribute('data-show');
            button.addEventListener('click', function () {
                var shown = input.type === 'password';
                input.type = shown ? 'text' : 'password';
                button.setAttribute('aria-pressed', String(shown));
            });
            wrapper.appendChild(button);
            if (input.form) {
                input.form.addEventListener('submit', function () {
                    input.type = 'password';
                    button.setAttribute('aria-pressed', 'false');
                });
            }
        });
    }

    function focusErrorSummary() {
        var summary = document.querySelector('[data-error-summary="true"]');
        if (summary) {
            summary.focus();
        }
    }

    function start() {
        passwordToggles();
        focusErrorSummary();
    }

    function namedGroups() {
        document.querySelectorAll('.ui-paginator-center-content[aria-label]:not([role])').forEach(function (div) {
            div.setAttribute('role', 'group');
        });
    }

    // from the moment the body exists: the widgets' start-up and every AJAX update (a filter, another page of the
    // table) that renders a paginator again
    function watchGroups() {
        namedGroups();
        if (window.MutationObserver) {
            new MutationObserver(namedGroups).observe(document.body, {childList: true, subtree: true});
        }
    }
    window.addEventListener('load', namedGroups);

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
        document.addEventListener('DOMContentLoaded', watchGroups);
    } else {
        start();
        watchGroups();
    }
}());
