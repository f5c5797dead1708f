import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Code, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

export const repositoryRoot = join(import.meta.dirname, '../..');

/**
 * A runnable example of the docs: a fence whose info string is `sh run` or `graphql run …`, optionally followed
 * by a fence whose info string ends in `output` holding what it answers (`…` stands for anything).
 */
export interface DocumentedExample {
  file: string;
  line: number;
  language: 'sh' | 'graphql';
  code: string;
  /** `key=value` words after `run`: `as=admin`, `purpose=HOUSING_SUBSIDY`, `exit=1`. */
  options: Record<string, string>;
  expectedOutput?: string;
}

/** README.md and every Markdown file under docs/, README first, the rest in path order. */
export function documentationFiles(): string[] {
  const docs = readdirSync(join(repositoryRoot, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name))
    .sort();
  return ['README.md', ...docs];
}

export function parseDocumentationFile(file: string): Root {
  return fromMarkdown(readFileSync(join(repositoryRoot, file), 'utf8'));
}

export function documentedExamples(file: string): DocumentedExample[] {
  const examples: DocumentedExample[] = [];
  visit(parseDocumentationFile(file), 'code', (node: Code, index, parent) => {
    const words = (node.meta ?? '').split(/\s+/).filter(Boolean);
    if (words[0] !== 'run') return;
    if (node.lang !== 'sh' && node.lang !== 'graphql') {
      throw new Error(`${file}:${node.position?.start.line}: only sh and graphql examples can be marked run`);
    }
    const next = index === undefined ? undefined : parent?.children[index + 1];
    const output = next?.type === 'code' && next.meta?.trim() === 'output' ? next.value : undefined;
    examples.push({
      file: relative(repositoryRoot, join(repositoryRoot, file)),
      line: node.position?.start.line ?? 0,
      language: node.lang,
      code: node.value,
      options: Object.fromEntries(words.slice(1).map((word) => word.split('=', 2) as [string, string])),
      expectedOutput: output,
    });
  });
  return examples;
}
