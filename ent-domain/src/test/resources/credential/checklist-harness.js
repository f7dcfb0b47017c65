// Test harness: runs password-checklist.js (path in argv[2]) on the cases read as JSON from stdin.
// Input: { "cases": [{ "password", "identifier", "firstName", "lastName" }], "codePoints": [int] }
// Output: { "verdicts": [{ length, classes, max, personal }], "classes": "LUDS…" (one letter a code point) }
'use strict';
const checklist = require(require('path').resolve(process.argv[2]));
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const verdicts = (request.cases || []).map((c) => checklist.evaluate(c.password,
    { identifier: c.identifier, firstName: c.firstName, lastName: c.lastName }));
  const letters = { lower: 'L', upper: 'U', digit: 'D', special: 'S' };
  const classes = (request.codePoints || []).map((cp) => letters[checklist.classify(String.fromCodePoint(cp))]).join('');
  process.stdout.write(JSON.stringify({ verdicts, classes }));
});
