/*
 * The waiting room keeps itself up to date without reloading the page (a page that reloads every few seconds
 * interrupts a screen reader, and axe forbids a timed refresh): every data-refresh seconds (which each answer sets
 * anew) it asks the server again,
 * writes the new place and wait into the page (a polite live region) or, when the turn has come, follows the server
 * to the sign-in page. Without JavaScript the <noscript> refresh does the same by reloading.
 */
(function () {
    'use strict';
    var script = document.currentScript;
    var seconds = Number(script && script.getAttribute('data-refresh')) || 5;

    function again() {
        window.setTimeout(poll, seconds * 1000);
    }

    function poll() {
        window.fetch(window.location.href, {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'text/html'}})
            .then(function (answer) {
                if (!answer.ok || new URL(answer.url).pathname !== window.location.pathname) {
                    window.location.assign(answer.url);
                    return;
                }
                return answer.text().then(function (html) {
                    var page = new DOMParser().parseFromString(html, 'text/html');
                    // the server spaces the updates out far back in the line, closer near the front
                    var next = page.querySelector('script[data-refresh]');
                    seconds = Number(next && next.getAttribute('data-refresh')) || seconds;
                    ['position', 'estimate'].forEach(function (id) {
                        var now = page.getElementById(id);
                        var shown = document.getElementById(id);
                        if (now && shown && shown.textContent !== now.textContent) {
                            shown.textContent = now.textContent;
                        }
                    });
                    again();
                });
            })
            .catch(again);
    }

    again();
})();
