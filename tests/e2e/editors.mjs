// Real editors from npm for the end-to-end tests, served by the test server
// (never a CDN): Quill's own dist files, and TipTap (ProseMirror) bundled
// with esbuild from fixtures/tiptap-entry.js into a temporary folder.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FIXTURES, ROOT } from './harness.mjs';

export const QUILL_DIST = join(ROOT, 'tests', 'e2e', 'node_modules', 'quill', 'dist');

/** Server mounts for the fixtures and the editors: `serve(DIST, { mounts })`. */
export async function editorMounts() {
  const dir = await mkdtemp(join(tmpdir(), 'cornerstone-editors-'));
  await build({
    entryPoints: [join(FIXTURES, 'tiptap-entry.js')],
    bundle: true,
    format: 'iife',
    minify: true,
    outfile: join(dir, 'tiptap.js'),
    logLevel: 'error',
  });
  return { 'fixtures/': FIXTURES, 'vendor/build/': dir, 'vendor/quill/': QUILL_DIST };
}
