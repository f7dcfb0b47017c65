/*
 * Password checklist: the browser twin of fr.ent.portal.credential.control.PasswordPolicy.
 *
 * Checks as the user types the rules the browser can check, exactly as the server does:
 *   length   at least 8 characters          classes  3 of the 4 classes lower, upper, digit, special
 *   max      at most 128 characters         personal not containing the identifier, first or last name
 * Characters are Unicode code points ([...s].length, Java's codePointCount). Classes go by Unicode general
 * category: \p{Ll} lower (é, µ), \p{Lu} upper, \p{Nd} digit, anything else special (€, space, quotes, <>).
 * The common-password rule stays on the server: its list item (data-rule="common") is filled in by the page.
 *
 * Markup (no inline script or handler, so a strict Content-Security-Policy is fine):
 *   <input type="password" data-password-checklist="pwRules">
 *   <ul id="pwRules" data-identifier="…" data-first-name="…" data-last-name="…"
 *       data-min-length="8" data-max-length="128" data-required-classes="3">
 *     <li data-rule="length">…</li> <li data-rule="classes">…</li> <li data-rule="max">…</li>
 *     <li data-rule="personal">…</li> <li data-rule="common">… (checked when you submit)</li>
 *   </ul>
 * Each checked item gets data-satisfied="true|false", the class is-satisfied and its state in words (data-met or
 * data-unmet of the list, visually hidden); a live region after the list says data-summary ("{0} of {1} rules met").
 */
(function () {
  'use strict';

  var DEFAULTS = { minLength: 8, maxLength: 128, requiredClasses: 3 };
  var LOWER = /^\p{Ll}$/u;
  var UPPER = /^\p{Lu}$/u;
  var DIGIT = /^\p{Nd}$/u;
  var MIN_FRAGMENT = 3;

  /** 'lower', 'upper', 'digit' or 'special' for one character (one code point). */
  function classify(ch) {
    if (LOWER.test(ch)) { return 'lower'; }
    if (UPPER.test(ch)) { return 'upper'; }
    if (DIGIT.test(ch)) { return 'digit'; }
    return 'special';
  }

  /** Decomposed, combining marks removed, lower-cased: "Éloïse" -> "eloise". */
  function fold(value) {
    return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  function alnum(value) {
    return value.replace(/[^\p{L}\p{N}]/gu, '');
  }

  /** The folded value without separators and each of its parts, keeping those of 3 characters or more. */
  function fragments(value) {
    if (value === null || value === undefined || value === '') { return []; }
    var folded = fold(String(value));
    return [alnum(folded)].concat(folded.split(/[^\p{L}\p{N}]+/u)).filter(function (f) {
      return [...f].length >= MIN_FRAGMENT;
    });
  }

  /**
   * The verdict of each browser-side rule: { length, classes, max, personal } (true = satisfied).
   * personal: { identifier, firstName, lastName }; options: { minLength, maxLength, requiredClasses }.
   */
  function evaluate(password, personal, options) {
    var opts = Object.assign({}, DEFAULTS, options || {});
    var chars = [...(password || '')];
    var classes = new Set(chars.map(classify));
    var folded = alnum(fold(password || ''));
    var data = personal || {};
    var all = fragments(data.identifier).concat(fragments(data.firstName), fragments(data.lastName));
    return {
      length: chars.length >= opts.minLength,
      classes: classes.size >= opts.requiredClasses,
      max: chars.length <= opts.maxLength,
      personal: !all.some(function (f) { return folded.indexOf(f) >= 0; })
    };
  }

  function number(value, fallback) {
    var n = parseInt(value, 10);
    return isNaN(n) ? fallback : n;
  }

  function attach(input) {
    var list = document.getElementById(input.getAttribute('data-password-checklist'));
    if (!list) { return; }
    var personal = {
      identifier: list.getAttribute('data-identifier'),
      firstName: list.getAttribute('data-first-name'),
      lastName: list.getAttribute('data-last-name')
    };
    var options = {
      minLength: number(list.getAttribute('data-min-length'), DEFAULTS.minLength),
      maxLength: number(list.getAttribute('data-max-length'), DEFAULTS.maxLength),
      requiredClasses: number(list.getAttribute('data-required-classes'), DEFAULTS.requiredClasses)
    };
    // Said, not only shown (issue 22, item 7): each checked rule carries its state in words (visually hidden), and a
    // polite live region after the list says how many rules are met when that number changes.
    var met = list.getAttribute('data-met') || '';
    var unmet = list.getAttribute('data-unmet') || '';
    var status = document.createElement('p');
    status.className = 'visually-hidden checklist__status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    list.parentNode.insertBefore(status, list.nextSibling);
    var update = function () {
      var verdict = evaluate(input.value, personal, options);
      var count = 0;
      var total = 0;
      list.querySelectorAll('[data-rule]').forEach(function (item) {
        var rule = item.getAttribute('data-rule');
        if (Object.prototype.hasOwnProperty.call(verdict, rule)) {
          item.setAttribute('data-satisfied', String(verdict[rule]));
          item.classList.toggle('is-satisfied', verdict[rule]);
          var state = item.querySelector('.checklist__state');
          if (!state) {
            state = document.createElement('span');
            state.className = 'visually-hidden checklist__state';
            item.appendChild(state);
          }
          state.textContent = ' (' + (verdict[rule] ? met : unmet) + ')';
          total += 1;
          count += verdict[rule] ? 1 : 0;
        }
      });
      var summary = (list.getAttribute('data-summary') || '{0}/{1}').replace('{0}', count).replace('{1}', total);
      if (status.textContent !== summary) {
        status.textContent = summary;
      }
    };
    input.addEventListener('input', update);
    update();
  }

  function attachAll() {
    document.querySelectorAll('input[data-password-checklist]').forEach(attach);
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { evaluate: evaluate, classify: classify, fold: fold, fragments: fragments, DEFAULTS: DEFAULTS };
  } else if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', attachAll);
    } else {
      attachAll();
    }
  }
}());
