/*
 * SAML HTTP-POST binding: sends the form that carries the signed answer to the service's registered address as soon
 * as the page is read. Without JavaScript, the form's button does the same.
 */
(function () {
    'use strict';
    var form = document.getElementById('saml-post');
    if (form) {
        form.submit();
    }
}());
