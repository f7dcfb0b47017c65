/*
 * Passkeys (issue 24), with the WebAuthn level 3 JSON forms (PublicKeyCredential.parse…OptionsFromJSON, toJSON):
 *
 * /login: the button #passkey-sign-in (hidden until this script finds WebAuthn) asks the browser for a discoverable
 *   passkey of the portal; where the browser offers them in the identifier field's autofill (conditional mediation,
 *   autocomplete="username webauthn"), the same request waits there. The password form works without any of this.
 * /account: the button #passkey-add registers a new passkey named by #passkey-name, then reloads the page.
 *
 * The server issues each challenge (POST {base}/passkey/options or /passkey/register-options) and verifies every
 * answer (webauthn4j); this script only carries them. Markup: data-base (the context path) and data-error (the words
 * shown in #passkey-status when it fails) on the button. No inline script: a strict Content-Security-Policy is fine.
 */
(function () {
  'use strict';

  var pending = null; // the conditional request waiting in the autofill, aborted before a button's own request

  function supported() {
    return window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON
        && PublicKeyCredential.parseCreationOptionsFromJSON && navigator.credentials;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: body
    });
  }

  function say(button, text) {
    var status = document.getElementById('passkey-status');
    if (status) {
      status.textContent = text || '';
    }
  }

  function signIn(button, mediation) {
    var base = button.getAttribute('data-base') || '';
    var controller = new AbortController();
    if (mediation === 'conditional') {
      pending = controller;
    } else if (pending) {
      pending.abort();
      pending = null;
    }
    return post(base + '/passkey/options', '{}').then(function (r) { return r.json(); }).then(function (options) {
      return navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        mediation: mediation, signal: controller.signal
      });
    }).then(function (credential) {
      if (!credential) {
        return null;
      }
      return post(base + '/passkey/sign-in', JSON.stringify(credential.toJSON())).then(function (r) {
        return r.json().then(function (answer) {
          if (r.ok && answer.redirect) {
            window.location.assign(answer.redirect);
          } else {
            say(button, button.getAttribute('data-error'));
          }
        });
      });
    }).catch(function (e) {
      if (!e || e.name !== 'AbortError') {
        say(button, button.getAttribute('data-error'));
      }
    });
  }

  function register(button) {
    var base = button.getAttribute('data-base') || '';
    var nameField = document.getElementById('passkey-name');
    var name = nameField ? nameField.value : '';
    say(button, '');
    return post(base + '/passkey/register-options', '{}').then(function (r) {
      if (!r.ok) { throw new Error('options'); }
      return r.json();
    }).then(function (options) {
      return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    }).then(function (credential) {
      return post(base + '/passkey/register?name=' + encodeURIComponent(name), JSON.stringify(credential.toJSON()));
    }).then(function (r) {
      if (r.ok) {
        window.location.assign(base + '/account?passkeyAdded=true');
      } else {
        say(button, button.getAttribute('data-error'));
      }
    }).catch(function () {
      say(button, button.getAttribute('data-error'));
    });
  }

  function start() {
    if (!supported()) {
      return;
    }
    var signInButton = document.getElementById('passkey-sign-in');
    if (signInButton) {
      signInButton.hidden = false;
      signInButton.addEventListener('click', function (event) {
        event.preventDefault();
        signIn(signInButton, 'optional');
      });
      if (PublicKeyCredential.isConditionalMediationAvailable) {
        PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
          if (available) {
            signIn(signInButton, 'conditional');
          }
        });
      }
    }
    var addButton = document.getElementById('passkey-add');
    if (addButton) {
      var block = document.getElementById('passkey-add-block');
      if (block) {
        block.hidden = false;
      }
      addButton.addEventListener('click', function (event) {
        event.preventDefault();
        register(addButton);
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
