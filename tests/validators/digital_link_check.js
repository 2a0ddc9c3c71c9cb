// Reads URIs, one per line, on stdin; prints a JSON object {uri: valid} using GS1's digital-link.js.
const { DigitalLink } = require('digital-link.js');
const input = require('fs').readFileSync(0, 'utf8');
const results = {};
for (const uri of input.split('\n').filter(Boolean)) {
  try {
    results[uri] = DigitalLink(uri).isValid();
  } catch (error) {
    results[uri] = false;
  }
}
process.stdout.write(JSON.stringify(results));
