import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isValidCitizenId } from '@hub/prisma/identity/citizen-id-number';
import GithubSlugger from 'github-slugger';
import type { Link } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import {
  documentationFiles,
  documentedExamples,
  parseDocumentationFile,
  repositoryRoot,
} from '../support/documented-examples.ts';

const files = documentationFiles();
const text = (file: string) => readFileSync(join(repositoryRoot, file), 'utf8');

/** The lines of the README's section under the heading `title`, up to the next heading of its level or above. */
function readmeSection(title: string): { from: number; to: number } {
  const headings: { depth: number; title: string; line: number }[] = [];
  visit(parseDocumentationFile('README.md'), 'heading', (heading) => {
    headings.push({ depth: heading.depth, title: plainText(heading), line: heading.position?.start.line ?? 0 });
  });
  const start = headings.findIndex((heading) => heading.title === title);
  if (start < 0) throw new Error(`the README has no heading "${title}"`);
  const end = headings.slice(start + 1).find((heading) => heading.depth <= (headings[start]?.depth ?? 0));
  return { from: headings[start]?.line ?? 0, to: end?.line ?? Number.POSITIVE_INFINITY };
}

// The tour a newcomer follows first: each of its steps must stay an example the docs test runs and checks.
const TOUR_STEPS = ['/oauth/token', 'householdOf', './hub compare', '/report', './hub audit verify'];

/** The anchors GitHub gives a page's headings. */
function headingAnchors(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(parseDocumentationFile(file), 'heading', (heading) => void anchors.add(slugger.slug(plainText(heading))));
  return anchors;
}

describe('the documentation', () => {
  it('keeps the README a door: at most 250 lines', () => {
    expect(text('README.md').split('\n').length).toBeLessThanOrEqual(250);
  });

  it('runs every step of the README tour and checks its answer', () => {
    const tour = readmeSection('A five-minute tour of the demo');
    const checked = documentedExamples('README.md').filter(
      (example) => example.line > tour.from && example.line < tour.to && example.expectedOutput !== undefined,
    );
    const unchecked = TOUR_STEPS.filter((step) => !checked.some((example) => example.code.includes(step)));
    expect(unchecked).toEqual([]);
  });

  it('writes only identity numbers that pass the GB 11643 check character', () => {
    const failing = files.flatMap((file) =>
      [...text(file).matchAll(/(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])/g)]
        .map((match) => match[0])
        .filter((idNumber) => !isValidCitizenId(idNumber))
        .map((idNumber) => `${file}: ${idNumber}`),
    );
    expect(failing).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      visit(parseDocumentationFile(file), 'link', (link: Link) => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link.url)) return;
        const [path = '', anchor] = link.url.split('#', 2);
        const target = path ? relative(repositoryRoot, join(repositoryRoot, dirname(file), path)) : file;
        if (!existsSync(join(repositoryRoot, target))) broken.push(`${file}: ${link.url} (no ${target})`);
        else if (anchor && target.endsWith('.md') && !headingAnchors(target).has(decodeURIComponent(anchor))) {
          broken.push(`${file}: ${link.url} (no heading #${anchor} in ${target})`);
        }
      });
    }
    expect(broken).toEqual([]);
  });

  it('keeps tables readable in a terminal: no table row wider than 160 characters', () => {
    const wide = files.flatMap((file) =>
      text(file)
        .split('\n')
        .map((line, index) => ({ line, number: index + 1 }))
        .filter(({ line }) => line.startsWith('|') && [...line].length > 160)
        .map(({ number, line }) => `${file}:${number} (${[...line].length} characters)`),
    );
    expect(wide).toEqual([]);
  });
});
