// The help desk's glue: the reply is written in a rich-text editor (Quill);
// Cornerstone underlines the words in it, shows a hint card on hover, on the
// arrow keys or with F8, follows the customer-name field, and shows its
// panel in the sidebar. The toggle detaches it (the editor is left exactly
// as it was) and attaches it again.
import Cornerstone from '../cornerstone-embed.js';

const quill = new window.Quill('#editor', {
  theme: 'snow',
  placeholder: 'Write your reply…',
  modules: { toolbar: [['bold', 'italic', 'link'], [{ list: 'ordered' }, { list: 'bullet' }], ['clean']] },
});
// The editable element Quill created gets the label of the reply box.
quill.root.setAttribute('aria-labelledby', 'reply-label');
window.quill = quill;

const name = document.getElementById('customer-name');
const coach = document.getElementById('coach');
const toggle = document.getElementById('coach-toggle');
const options = { customerNameFrom: name, panel: coach };

let handle = Cornerstone.attach(quill.root, options);

toggle.addEventListener('change', () => {
  if (toggle.checked) handle = Cornerstone.attach(quill.root, options);
  else handle.detach();
});

document.getElementById('reply-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const report = handle?.report;
  const warnings = report ? report.findings.filter((f) => f.severity === 'warning').length : 0;
  // A real help desk would send quill.getSemanticHTML() here.
  document.getElementById('sent').textContent = warnings ? `Sent, with ${warnings} tone warning(s) unresolved.` : 'Sent.';
});
