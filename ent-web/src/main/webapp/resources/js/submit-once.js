/*
 * Submit once: a form that is being sent is not sent a second time (a double click, an impatient second click,
 * Enter pressed twice). Plain (non-AJAX) submissions only: PrimeFaces AJAX requests fire no submit event and queue
 * themselves.
 *
 * The form gets aria-busy="true" and data-submitting while its request is under way. Forms that answer a download
 * (the page stays) work again after a few seconds; a page restored by the back button (back/forward cache) is free
 * again at once. The server stays the judge: every action is also safe when sent twice.
 */
(function () {
    'use strict';

    var AGAIN_AFTER_MILLIS = 4000;

    function free(form) {
        form.removeAttribute('data-submitting');
        form.removeAttribute('aria-busy');
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
            return;
        }
        if (form.hasAttribute('data-submitting')) {
            event.preventDefault();
            return;
        }
        form.setAttribute('data-submitting', 'true');
        form.setAttribute('aria-busy', 'true');
        window.setTimeout(function () { free(form); }, AGAIN_AFTER_MILLIS);
    });

    window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
            Array.prototype.forEach.call(document.querySelectorAll('form[data-submitting]'), free);
        }
    });
}());
