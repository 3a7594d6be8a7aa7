// hearth sign-in pages. Served as /auth.js (same origin, no inline script: the pages' CSP forbids it).
// 1. On a page with an error summary, move focus to it so keyboard and screen-reader users start there.
// 2. On the popup's "signed in" page, hand the session token to the widget that opened the popup:
//    postMessage to window.opener with exactly the origin the server checked (never "*"), then close.
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  var session = document.getElementById('hearth-session');
  if (!session) return;
  var token = session.getAttribute('data-token');
  var origin = session.getAttribute('data-origin');
  if (token && origin && window.opener && !window.opener.closed) {
    window.opener.postMessage({ type: 'hearth:session', token: token }, origin);
    window.close();
  }
})();
