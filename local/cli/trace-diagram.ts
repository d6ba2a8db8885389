import type { JournalEntry } from '../cloud/local-cloud-ports.js';

/** Text Mermaid shows as is: no characters its sequence syntax reads (`;`, `#`, `:`, arrows, HTML). */
const label = (text: string): string =>
  text
    .replace(/[^\w .,/()=@+-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

/**
 * A Mermaid sequence diagram of journal entries: one participant per service and resource, each entry an
 * arrow from where the previous one happened to where it happens, labelled with its action and detail.
 */
export function mermaidSequence(entries: readonly JournalEntry[]): string {
  const participants = new Map<string, string>();
  const lines = ['sequenceDiagram'];
  const idOf = (entry: JournalEntry): string => {
    const key = `${entry.service}: ${entry.resource}`;
    let id = participants.get(key);
    if (id === undefined) {
      id = `p${participants.size + 1}`;
      participants.set(key, id);
      lines.push(`  participant ${id} as ${label(key)}`);
    }
    return id;
  };
  let previous: string | undefined;
  for (const entry of entries) {
    const id = idOf(entry);
    const text =
      label(`${entry.action}${entry.detail === undefined ? '' : ` ${entry.detail}`}`) || entry.action;
    lines.push(`  ${previous ?? id}->>${id}: ${text}`);
    previous = id;
  }
  return lines.join('\n');
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A standalone HTML page rendering the diagram with Mermaid (loaded by the browser from its CDN). */
export function traceHtml(title: string, entries: readonly JournalEntry[]): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
<pre class="mermaid">
${escapeHtml(mermaidSequence(entries))}
</pre>
<script type="module">
import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs';
mermaid.initialize({ startOnLoad: true });
</script>
</body>
</html>
`;
}
