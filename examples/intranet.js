// The help desk's glue: Cornerstone coaches the reply box against the
// customer's message, follows the customer-name field, and shows its panel
// in the sidebar. The toggle
// detaches it (the page is left exactly as it was) and attaches it again.
import Cornerstone from '../cornerstone-embed.js';

const reply = document.getElementById('reply');
const name = document.getElementById('customer-name');
const coach = document.getElementById('coach');
const toggle = document.getElementById('coach-toggle');

const options = { customerNameFrom: name, customerMessageFrom: '#customer-message', panel: coach };
let handle = Cornerstone.attach(reply, options);

toggle.addEventListener('change', () => {
  if (toggle.checked) handle = Cornerstone.attach(reply, options);
  else handle.detach();
});

document.getElementById('reply-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const report = handle?.report;
  const warnings = report ? report.findings.filter((f) => f.severity === 'warning').length : 0;
  // A real help desk would send the reply here.
  document.getElementById('sent').textContent = warnings ? `Sent, with ${warnings} tone warning(s) unresolved.` : 'Sent.';
});
