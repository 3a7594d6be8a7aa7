// hearth sign-in pages. Served as /auth.js (same origin, no inline script: the pages' CSP forbids it).
// 1. On a page with an error summary, move focus to it so keyboard and screen-reader users start there.
// 2. On the popup's "signed in" page, hand the one-time code to the widget that opened the popup:
//    postMessage to window.opener with exactly the origin the server checked (never "*"), then close.
//    The code is worth a token only with the verifier the widget kept (see server/src/handoff.ts).
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  var session = document.getElementById('hearth-session');
  if (!session) return;
  var code = session.getAttribute('data-code');
  var origin = session.getAttribute('data-origin');
  if (code && origin && window.opener && !window.opener.closed) {
    window.opener.postMessage({ type: 'hearth:session', code: code }, origin);
    window.close();
  }
})();
