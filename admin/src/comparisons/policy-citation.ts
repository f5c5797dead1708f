type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A rule's citation in the reader's language: the policy text by its issuer and title rather than its file name
 * (`hub.policy_documents`), and a paragraph given in English words (domain.md's headings) through
 * `hub.policy_paragraphs`. A document the portal does not know, a region's own, is shown as the region typed it.
 */
export function policyCitation(
  document: string | null | undefined,
  paragraph: string | null | undefined,
  translate: Translate,
): string {
  if (!document) return '—';
  const stem = document.replace(/\.(txt|md)$/, '');
  const title = /^[a-z0-9-]+$/.test(stem) ? translate(`hub.policy_documents.${stem}`, { _: document }) : document;
  if (!paragraph) return title;
  const slug = paragraph
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const words =
    /^[\x20-\x7e]+$/.test(paragraph) && slug ? translate(`hub.policy_paragraphs.${slug}`, { _: paragraph }) : paragraph;
  return translate('hub.policy_documents.cited', { document: title, paragraph: words });
}
